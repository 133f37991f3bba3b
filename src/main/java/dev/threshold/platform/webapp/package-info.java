/**
 * The web app's side of the platform: its Content-Security-Policy and the small unauthenticated route that tells
 * the app at run time how people sign in ({@code GET /ui/config}: the OpenID Connect client, if one is configured).
 * The app itself (src/main/webui) is bundled and served by the Web Bundler.
 *
 * <p>May use: other platform rooms; no feature. Data access: none.
 */
package dev.threshold.platform.webapp;
