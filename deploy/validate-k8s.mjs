// Offline checks of rendered Kubernetes manifests (run by deploy/validate.sh, which installs the modules):
// every object against the Kubernetes OpenAPI schema (kubernetes-models: types, required fields, formats),
// then what the schema cannot know: selectors that match the pods, probes on the service's health paths,
// requests and limits, no Secret objects or literal credentials, the HPA and PDB pointing at the Deployment.
import fs from "node:fs";
import * as yaml from "js-yaml";

const file = process.argv[2];
const docs = yaml.loadAll(fs.readFileSync(file, "utf8")).filter(Boolean);
const failures = [];
const fail = (m) => failures.push(m);
const models = {
  "v1/ConfigMap": "kubernetes-models/v1/ConfigMap",
  "v1/Service": "kubernetes-models/v1/Service",
  "apps/v1/Deployment": "kubernetes-models/apps/v1/Deployment",
  "policy/v1/PodDisruptionBudget": "kubernetes-models/policy/v1/PodDisruptionBudget",
  "autoscaling/v2/HorizontalPodAutoscaler": "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler",
};
for (const doc of docs) {
  const key = `${doc.apiVersion}/${doc.kind}`;
  if (doc.kind === "Secret") fail(`a Secret is committed: ${doc.metadata?.name}`);
  const module = models[key];
  if (!module) { fail(`unexpected kind ${key}`); continue; }
  const Model = (await import(module))[doc.kind];
  try { new Model(doc).validate(); } catch (e) { fail(`${key} ${doc.metadata?.name}: ${e.message}`); }
}
const byKind = (k) => docs.filter((d) => d.kind === k);
const matches = (selector, labels) => Object.entries(selector || {}).every(([k, v]) => labels?.[k] === v);
const deployments = byKind("Deployment");
if (deployments.length !== 1) fail(`expected one Deployment, found ${deployments.length}`);
const dep = deployments[0];
const podLabels = dep?.spec?.template?.metadata?.labels;
if (dep && !matches(dep.spec.selector.matchLabels, podLabels)) fail("Deployment selector does not match its pod labels");
for (const svc of byKind("Service")) if (!matches(svc.spec.selector, podLabels) || !Object.keys(svc.spec.selector || {}).length) fail(`Service ${svc.metadata.name} does not select the pods`);
for (const pdb of byKind("PodDisruptionBudget")) if (!matches(pdb.spec.selector.matchLabels, podLabels)) fail(`PDB ${pdb.metadata.name} does not select the pods`);
const hpas = byKind("HorizontalPodAutoscaler");
if (hpas.length !== 1) fail("expected one HorizontalPodAutoscaler");
for (const hpa of hpas) {
  if (hpa.spec.scaleTargetRef.kind !== "Deployment" || hpa.spec.scaleTargetRef.name !== dep?.metadata.name) fail("HPA does not target the Deployment");
  if (hpa.spec.minReplicas < 2) fail("HPA minReplicas < 2: a PDB with minAvailable 1 would block drains");
}
if (byKind("PodDisruptionBudget").length !== 1) fail("expected one PodDisruptionBudget");
const configMaps = Object.fromEntries(byKind("ConfigMap").map((c) => [c.metadata.name, c]));
const allowedProbes = { startupProbe: "/q/health/started", livenessProbe: "/q/health/live", readinessProbe: "/q/health/ready" };
for (const c of dep?.spec?.template?.spec?.containers || []) {
  for (const [probe, path] of Object.entries(allowedProbes)) {
    if (c[probe]?.httpGet?.path !== path) fail(`${c.name}: ${probe} must probe ${path}`);
  }
  const port = (c.ports || []).find((p) => p.name === "http");
  if (port?.containerPort !== 8080) fail(`${c.name}: port http must be 8080 (the image's EXPOSE)`);
  for (const r of ["cpu", "memory"]) {
    if (!c.resources?.requests?.[r]) fail(`${c.name}: no ${r} request`);
  }
  if (!c.resources?.limits?.memory) fail(`${c.name}: no memory limit`);
  for (const e of c.env || []) {
    if (/PASSWORD|SECRET|TOKEN/i.test(e.name) && e.value !== undefined) fail(`${c.name}: ${e.name} has a literal value; use secretKeyRef`);
  }
  if (!(c.env || []).some((e) => e.name === "QUARKUS_DATASOURCE_PASSWORD" && e.valueFrom?.secretKeyRef)) fail(`${c.name}: the database password must come from a secretKeyRef`);
  for (const ref of c.envFrom || []) {
    if (ref.configMapRef && !configMaps[ref.configMapRef.name]) fail(`${c.name}: ConfigMap ${ref.configMapRef.name} is not in the manifests`);
  }
  if (c.securityContext?.allowPrivilegeEscalation !== false || c.securityContext?.readOnlyRootFilesystem !== true) fail(`${c.name}: securityContext is not locked down`);
}
if (!dep?.spec?.template?.spec?.securityContext?.runAsNonRoot) fail("pods must run as non-root");
for (const cm of Object.values(configMaps)) {
  for (const k of Object.keys(cm.data || {})) if (/PASSWORD|SECRET/i.test(k)) fail(`ConfigMap ${cm.metadata.name} holds ${k}`);
  for (const k of ["QUARKUS_DATASOURCE_JDBC_URL", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER"]) if (!cm.data?.[k]) fail(`ConfigMap ${cm.metadata.name} lacks ${k}`);
}
if (failures.length) { console.error(failures.map((f) => `  FAIL ${f}`).join("\n")); process.exit(1); }
console.log(`  ok: ${docs.length} objects (${docs.map((d) => d.kind).join(", ")}) valid against the Kubernetes schema and the checks`);
