/**
 * Signed webhooks (docs/nudges.md): the endpoints' CRUD, test ping and delivery log ({@code WebhookResource},
 * {@code WebhookService}), their signing keys sealed at rest ({@code SecretBox}), Standard Webhooks signatures
 * ({@code Signatures}), the SSRF rules ({@code UrlGuard}) and the delivery worker of every instance
 * ({@code DeliveryWorker}: SKIP LOCKED claims, leases, retries). Uses {@code nudge.events}' outbox; reaches the
 * database through {@code platform.persistence.Jdbc} only.
 */
package dev.threshold.nudge.webhooks;
