// Threshold web app: lit-html templates (every value is bound as text, never parsed as markup), hash routes.
import { html, render, nothing } from 'lit';
import {
  session, whenUnauthorized, ApiError, call, download as downloadFile, importFile,
  actionsApi, contactsApi, importsApi, interactionsApi, networkApi, scoresApi, settingsApi,
} from './api.js';
import { drawPyramid, drawHistory } from './charts.js';
import { oidc, loadSignInConfig, resumeSession, signInWithProvider, signOutEverywhere, forget, whenSessionEnds } from './auth.js';
import './app.css';

const root = document.getElementById('app');
const TIERS = ['ALLY', 'FRIEND', 'ACQUAINTANCE', 'STRANGER'];
const TYPES = ['VIEW', 'LIKE', 'COMMENT', 'SHARE', 'MESSAGE', 'CALL', 'MEETING', 'FAVOR'];
const DIRECTIONS = ['INBOUND', 'OUTBOUND', 'MUTUAL'];
const CHANNELS = ['LINKEDIN', 'FACEBOOK', 'X', 'INSTAGRAM', 'EMAIL', 'PHONE', 'SMS', 'VIDEO', 'IN_PERSON', 'WHATSAPP', 'TELEGRAM', 'OTHER'];
const words = (v) => (v == null ? '' : String(v).charAt(0) + String(v).slice(1).toLowerCase().replace(/_/g, ' '));
const num1 = (v) => (v == null ? '—' : Number(v).toFixed(1));
const when = (v) => (v ? new Date(v).toLocaleString() : 'never');
const errorText = (e) => (e instanceof ApiError ? e.message : `Something went wrong: ${e.message}`);

// ---------------------------------------------------------------------------------------------- shell
const NAV = [['network', 'Network'], ['contacts', 'Contacts'], ['actions', 'Actions'], ['settings', 'Settings'], ['import', 'Import']];

function shell(current, title, body) {
  return html`
    <a class="skip" href="#main" @click=${(e) => { e.preventDefault(); document.querySelector('h1')?.focus(); }}>Skip to content</a>
    <header class="top">
      <span class="brand">Threshold</span>
      <nav aria-label="Main">
        <ul>${NAV.map(([id, label]) => html`<li><a href="#/${id}" aria-current=${current === id ? 'page' : nothing}>${label}</a></li>`)}</ul>
      </nav>
      <button class="link" @click=${signOut}>Sign out</button>
    </header>
    <main id="main"><h1 tabindex="-1">${title}</h1>${body}</main>`;
}

function show(current, title, body) {
  if (!session.token) return; // a 401 went back to sign-in meanwhile
  const screen = location.hash.replace(/^#\/?/, '').split('/')[0] || 'network';
  if (current && current !== screen) return; // a slow answer for a screen the user has already left
  render(shell(current, title, body), root);
}

function alertBox(message) {
  return message ? html`<p class="alert" role="alert">${message}</p>` : nothing;
}

function loading(current, title) {
  show(current, title, html`<p aria-live="polite">Loading…</p>`);
}

// ---------------------------------------------------------------------------------------------- sign-in
function signIn() {
  const message = session.message;
  const submit = async (e) => {
    e.preventDefault();
    const token = new FormData(e.target).get('token').trim();
    if (!token) return;
    session.set(token);
    session.message = '';
    if (location.hash === '' || location.hash === '#/sign-in') location.hash = '#/network';
    else route();
  };
  if (oidc.config) {
    const go = async (e) => {
      e.target.disabled = true;
      try { await signInWithProvider(); } catch (err) {
        session.message = `The sign-in service could not be reached (${err.message || err}). Please try again.`;
        signIn();
      }
    };
    render(html`
      <main id="main" class="signin">
        <h1 tabindex="-1">Sign in to Threshold</h1>
        ${alertBox(message)}
        <p><button type="button" @click=${go}>Sign in with your account</button></p>
        <p class="hint">You sign in at ${new URL(oidc.config.authority).host} and come back here.</p>
      </main>`, root);
    document.querySelector('h1')?.focus();
    return;
  }
  render(html`
    <main id="main" class="signin">
      <h1 tabindex="-1">Sign in to Threshold</h1>
      ${alertBox(message)}
      <form @submit=${submit}>
        <label for="token">Access token</label>
        <textarea id="token" name="token" rows="4" autocomplete="off" spellcheck="false" required></textarea>
        <button type="submit">Sign in</button>
      </form>
      <p class="hint">Paste a bearer token (JWT) issued for this service.</p>
    </main>`, root);
  document.querySelector('h1')?.focus();
}

async function signOut() {
  session.clear();
  session.message = 'You are signed out.';
  if (oidc.config) {
    try {
      if (await signOutEverywhere()) return; // the issuer ends its session and sends the browser back here
    } catch { /* the issuer is unreachable: signed out here at least */ }
  }
  signIn();
}

// ---------------------------------------------------------------------------------------------- network
const net = { status: {}, busy: {} };

async function networkScreen() {
  loading('network', 'Network');
  try {
    const [summary, recs] = await Promise.all([call(networkApi.getNetworkSummaryRaw({})), call(networkApi.listRecommendationsRaw({}))]);
    net.summary = summary.data; net.recs = recs.data.items; net.status = {}; net.busy = {};
  } catch (e) {
    return show('network', 'Network', alertBox(errorText(e)));
  }
  drawNetwork();
}

function drawNetwork() {
  const s = net.summary;
  const pyramid = html`
    <figure class="pyramid" aria-labelledby="pyramid-caption">
      <figcaption id="pyramid-caption">Tier pyramid</figcaption>
      <div class="chart-box pyramid-box"><canvas id="pyramid-chart" role="img" aria-label="Tier pyramid chart: contacts per tier, Ally at the top; the same counts are listed below"></canvas></div>
      <ul class="tiers">
        ${TIERS.map((t) => html`<li><span class="tier-mark tier-${t.toLowerCase()}" aria-hidden="true"></span>${words(t)}: <strong>${s.tiers[t] || 0}</strong></li>`)}
      </ul>
    </figure>`;
  const actions = html`
    <section aria-labelledby="actions-h">
      <h2 id="actions-h">Actions</h2>
      ${s.actions.length ? html`<ul class="plain">
        ${s.actions.map((a) => html`<li><a href="#/actions/${a.id}">${a.name}</a>: ${a.contacts} ${a.contacts === 1 ? 'contact clears' : 'contacts clear'} it (threshold ${a.threshold})</li>`)}
      </ul>` : html`<p>No actions yet. <a href="#/actions">Create one</a>.</p>`}
    </section>`;
  const moves = html`
    <section aria-labelledby="moves-h">
      <h2 id="moves-h">Next moves</h2>
      ${net.recs.length ? html`<ul class="moves">${net.recs.map(moveItem)}</ul>`
        : html`<p>Nothing urgent: every relationship is on track.</p>`}
    </section>`;
  show('network', 'Network', html`
    <p>${s.contacts} contacts, ${s.interactions.total} interactions logged.</p>
    <div class="grid">${pyramid}${actions}</div>${moves}`);
  drawPyramid(document.getElementById('pyramid-chart'), TIERS.map((t) => ({
    label: words(t), count: s.tiers[t] || 0, color: tierColor(t),
  })));
}

const tierColor = (t) => getComputedStyle(document.documentElement).getPropertyValue(`--t-${t.toLowerCase()}`).trim();

function moveItem(r, i) {
  const s = r.suggestedInteraction;
  const label = `Log ${words(s.type).toLowerCase()} (${words(s.direction).toLowerCase()}) with ${r.displayName}`;
  return html`<li>
    <p><a href="#/contacts/${r.contactId}">${r.displayName}</a> — ${r.detail}</p>
    <p class="meta">${words(r.tier)}, strength ${num1(r.strength)}</p>
    <button @click=${() => logMove(r, i)} ?disabled=${net.busy[i]}>${label}</button>
    <p class="status" role="status">${net.status[i] || ''}</p></li>`;
}

async function logMove(r, i) {
  net.busy[i] = true; net.status[i] = 'Logging…'; drawNetwork();
  try {
    await call(interactionsApi.recordInteractionRaw({
      contactId: r.contactId,
      interactionInput: { type: r.suggestedInteraction.type, direction: r.suggestedInteraction.direction, occurredAt: new Date().toISOString() },
    }));
    const score = (await call(scoresApi.getScoreRaw({ contactId: r.contactId }))).data;
    net.status[i] = `Logged. New strength ${num1(score.strength)} (${words(score.tier)}).`;
  } catch (err) {
    net.busy[i] = false;
    net.status[i] = errorText(err);
  }
  drawNetwork();
}

// ---------------------------------------------------------------------------------------------- contacts
const contactList = { q: '', tier: '', sort: 'displayName', items: [], next: null, error: '', busy: false };

async function contactsScreen() {
  const st = contactList;
  st.items = []; st.next = null; st.error = '';
  await fetchContacts();
}

async function fetchContacts(more = false) {
  const st = contactList;
  st.busy = true;
  drawContacts();
  const params = { sort: st.sort, limit: 50 };
  if (st.q) params.q = st.q;
  if (st.tier) params.tier = st.tier;
  if (more && st.next) params.cursor = st.next;
  try {
    const page = (await call(contactsApi.listContactsRaw(params))).data;
    st.items = more ? st.items.concat(page.items) : page.items;
    st.next = page.nextCursor;
    st.error = '';
  } catch (e) {
    st.error = errorText(e);
  }
  st.busy = false;
  drawContacts();
}

let searchTimer;
function drawContacts() {
  const st = contactList;
  const filters = html`
    <form class="filters" role="search" @submit=${(e) => { e.preventDefault(); fetchContacts(); }}>
      <div><label for="q">Search contacts</label>
        <input id="q" type="search" .value=${st.q} @input=${(e) => { st.q = e.target.value; clearTimeout(searchTimer); searchTimer = setTimeout(() => fetchContacts(), 250); }}></div>
      <div><label for="tier">Tier</label>
        <select id="tier" @change=${(e) => { st.tier = e.target.value; fetchContacts(); }}>
          <option value="" ?selected=${!st.tier}>All tiers</option>
          ${TIERS.map((t) => html`<option value=${t} ?selected=${st.tier === t}>${words(t)}</option>`)}
        </select></div>
      <div><label for="sort">Sort by</label>
        <select id="sort" @change=${(e) => { st.sort = e.target.value; fetchContacts(); }}>
          <option value="displayName" ?selected=${st.sort === 'displayName'}>Name (A–Z)</option>
          <option value="strength" ?selected=${st.sort === 'strength'}>Strength (strongest first)</option>
          <option value="lastInteractionAt" ?selected=${st.sort === 'lastInteractionAt'}>Last interaction (most recent first)</option>
        </select></div>
    </form>`;
  const rows = st.items.length ? html`
    <table class="list">
      <thead><tr><th scope="col">Name</th><th scope="col">Strength</th><th scope="col">Tier</th><th scope="col" class="hide-sm">Last interaction</th></tr></thead>
      <tbody>${st.items.map((c) => html`<tr>
        <td><a href="#/contacts/${c.id}">${c.displayName}</a></td><td>${num1(c.strength)}</td><td>${words(c.tier)}</td><td class="hide-sm">${c.lastInteractionAt ? new Date(c.lastInteractionAt).toLocaleDateString() : 'never'}</td></tr>`)}
      </tbody>
    </table>` : st.busy ? nothing : html`<p>No contacts match.</p>`;
  show('contacts', 'Contacts', html`
    <p><a class="button" href="#/contacts/new">New contact</a></p>
    ${filters}${alertBox(st.error)}
    <p aria-live="polite" class="meta">${st.busy ? 'Loading…' : `${st.items.length} shown`}</p>
    ${rows}
    ${st.next ? html`<p><button @click=${() => fetchContacts(true)} ?disabled=${st.busy}>More</button></p>` : nothing}`);
}

// ---------------------------------------------------------------------------------------------- contact form
const CONTACT_FIELDS = [
  ['displayName', 'Display name', 'text'], ['firstName', 'First name', 'text'], ['lastName', 'Last name', 'text'],
  ['company', 'Company', 'text'], ['position', 'Position', 'text'], ['location', 'Location', 'text'],
  ['emails', 'E-mails (comma-separated)', 'list'], ['phones', 'Phones (comma-separated)', 'list'],
  ['tags', 'Tags (comma-separated)', 'list'], ['connectedOn', 'Connected on', 'date'],
  ['cadenceDays', 'Cadence days', 'number'], ['notes', 'Notes', 'textarea'],
];

function fieldError(errors, name) {
  const msg = errors?.[name];
  return msg ? html`<span class="field-error" id="err-${name}">${msg}</span>` : nothing;
}

function contactForm(contact, errors, onSubmit, submitLabel) {
  return html`<form class="stack" @submit=${onSubmit} novalidate>
    ${CONTACT_FIELDS.map(([name, label, kind]) => {
      const v = contact?.[name];
      const value = kind === 'list' ? (v || []).join(', ') : v ?? '';
      const invalid = errors?.[name] ? 'true' : nothing;
      const described = errors?.[name] ? `err-${name}` : nothing;
      return html`<div class="field"><label for="f-${name}">${label}</label>
        ${kind === 'textarea'
          ? html`<textarea id="f-${name}" name=${name} rows="4" .value=${value} aria-invalid=${invalid} aria-describedby=${described}></textarea>`
          : html`<input id="f-${name}" name=${name} type=${kind === 'list' ? 'text' : kind} .value=${String(value)} aria-invalid=${invalid} aria-describedby=${described} ?required=${name === 'displayName'}>`}
        ${fieldError(errors, name)}</div>`;
    })}
    <button type="submit">${submitLabel}</button>
  </form>`;
}

function readContactForm(form) {
  const data = new FormData(form);
  const out = {};
  for (const [name, , kind] of CONTACT_FIELDS) {
    const raw = String(data.get(name) ?? '').trim();
    if (kind === 'list') out[name] = raw ? raw.split(',').map((s) => s.trim()).filter(Boolean) : [];
    else if (kind === 'number') out[name] = raw === '' ? null : Number(raw);
    else out[name] = raw === '' ? null : raw;
  }
  return out;
}

function newContactScreen(state = {}) {
  const submit = async (e) => {
    e.preventDefault();
    const body = readContactForm(e.target);
    try {
      const created = (await call(contactsApi.createContactRaw({ contactInput: body }))).data;
      location.hash = `#/contacts/${created.id}`;
    } catch (err) {
      newContactScreen({ values: body, errors: err.fieldErrors, message: errorText(err) });
    }
  };
  show('contacts', 'New contact', html`${alertBox(state.message)}${contactForm(state.values, state.errors, submit, 'Create contact')}`);
}

// ---------------------------------------------------------------------------------------------- one contact
async function contactScreen(id) {
  loading('contacts', 'Contact');
  const st = { id, message: '', editing: false, confirmDelete: false, conflict: false };
  try {
    await loadContact(st);
  } catch (e) {
    return show('contacts', 'Contact', alertBox(errorText(e)));
  }
  drawContact(st);
}

async function loadContact(st) {
  const now = new Date();
  const from = new Date(now.getTime() - 365 * 864e5);
  const [contact, score, history, interactions, settings] = await Promise.all([
    call(contactsApi.getContactRaw({ id: st.id })),
    call(scoresApi.getScoreRaw({ contactId: st.id })),
    call(scoresApi.getScoreHistoryRaw({ contactId: st.id, from: from.toISOString(), to: now.toISOString(), step: 'P7D' })),
    call(interactionsApi.listContactInteractionsRaw({ contactId: st.id, limit: 50 })),
    call(settingsApi.getScoringSettingsRaw()),
  ]);
  st.contact = contact.data; st.etag = contact.etag; st.score = score.data;
  st.history = history.data.points; st.interactions = interactions.data.items; st.floors = settings.data.tiers;
}

function drawContact(st) {
  const c = st.contact, s = st.score;
  const explained = html`
    <section aria-labelledby="score-h">
      <h2 id="score-h">Score</h2>
      <dl class="facts">
        <dt>Strength</dt><dd>${num1(s.strength)} — ${words(s.tier)}</dd>
        <dt>Reciprocity</dt><dd>${s.reciprocity} (in ${s.inbound}, out ${s.outbound})</dd>
        <dt>Next tier</dt><dd>${s.nextTier ? `${words(s.nextTier)}: ${num1(s.strengthToNextTier)} points to go` : 'Top tier reached'}</dd>
        <dt>Tier drops in</dt><dd>${s.daysUntilTierDrop == null ? 'No tier to lose' : `${num1(s.daysUntilTierDrop)} days without contact`}</dd>
        <dt>Last interaction</dt><dd>${when(s.lastInteractionAt)}</dd>
      </dl>
      <h3>Points by interaction type</h3>
      ${Object.keys(s.breakdown || {}).length ? html`<ul class="plain">${Object.entries(s.breakdown).map(([t, p]) => html`<li>${words(t)}: ${p}</li>`)}</ul>` : html`<p>No points yet.</p>`}
    </section>`;
  show('contacts', c.displayName, html`
    ${alertBox(st.message)}<p role="status" class="status">${st.notice || ''}</p>
    ${st.conflict ? html`<div class="alert" role="alert"><p>This contact was changed elsewhere since you opened it (412). Your edit was not saved.</p>
      <button @click=${async () => { st.conflict = false; st.message = ''; st.values = null; st.errors = null; await loadContact(st); st.editing = true; drawContact(st); }}>Reload contact</button></div>` : nothing}
    ${[c.position, c.company, c.location].some(Boolean) ? html`<p class="meta">${[c.position, c.company, c.location].filter(Boolean).join(' · ')}</p>` : nothing}
    <div class="row">
      <button @click=${() => { st.editing = !st.editing; drawContact(st); }} aria-expanded=${st.editing ? 'true' : 'false'}>Edit</button>
      <button class="danger" @click=${() => { st.confirmDelete = true; drawContact(st); }}>Delete contact</button>
    </div>
    ${st.confirmDelete ? html`<div class="confirm" role="alertdialog" aria-labelledby="del-q">
      <p id="del-q">Delete ${c.displayName} and all of their interactions? This cannot be undone.</p>
      <button class="danger" @click=${() => deleteContact(st)}>Yes, delete</button>
      <button @click=${() => { st.confirmDelete = false; drawContact(st); }}>Cancel</button></div>` : nothing}
    ${st.editing ? html`<section aria-labelledby="edit-h"><h2 id="edit-h">Edit contact</h2>
      ${contactForm(st.values || c, st.errors, (e) => saveContact(e, st), 'Save changes')}</section>` : nothing}
    <div class="grid">${explained}${historySection(st)}</div>
    ${logForm(st)}
    ${timeline(st)}`);
  const f = st.floors || {};
  const bands = [['STRANGER', 0, f.ACQUAINTANCE], ['ACQUAINTANCE', f.ACQUAINTANCE, f.FRIEND], ['FRIEND', f.FRIEND, f.ALLY], ['ALLY', f.ALLY, 100]]
    .filter(([, lo, hi]) => lo != null && hi != null)
    .map(([t, from, to]) => ({ label: words(t), from, to, color: tierColor(t) }));
  drawHistory(document.getElementById('history-chart'),
    (st.history || []).map((p) => ({ label: new Date(p.at).toLocaleDateString(), value: p.strength })), bands);
}

async function saveContact(e, st) {
  e.preventDefault();
  const values = readContactForm(e.target);
  try {
    const res = await call(contactsApi.patchContactRaw({ id: st.id, contactPatch: values, ifMatch: st.etag }));
    st.contact = res.data; st.etag = res.etag; st.editing = false; st.values = null; st.errors = null;
    st.message = ''; st.notice = 'Saved.';
  } catch (err) {
    if (err.status === 412) { st.conflict = true; st.values = values; st.message = ''; st.notice = ''; }
    else { st.values = values; st.errors = err.fieldErrors; st.message = errorText(err); }
  }
  drawContact(st);
}

async function deleteContact(st) {
  try {
    await call(contactsApi.deleteContactRaw({ id: st.id, ifMatch: st.etag }));
    location.hash = '#/contacts';
  } catch (err) {
    st.confirmDelete = false;
    st.message = errorText(err);
    drawContact(st);
  }
}

function historySection(st) {
  const pts = st.history || [];
  return html`
    <section aria-labelledby="history-h">
      <h2 id="history-h">Strength history</h2>
      <figure class="chart">
        <div class="chart-box history-box"><canvas id="history-chart" role="img" aria-label="Strength history chart of the last 12 months; the same points are in the table below"></canvas></div>
        <figcaption>Weekly strength over the last 12 months, with the tier floors as bands.</figcaption>
      </figure>
      <details><summary>Strength history as a table</summary>
        <table class="list"><caption>Strength history</caption>
          <thead><tr><th scope="col">Date</th><th scope="col">Strength</th><th scope="col">Tier</th></tr></thead>
          <tbody>${pts.map((p) => html`<tr><td>${new Date(p.at).toLocaleDateString()}</td><td>${num1(p.strength)}</td><td>${words(p.tier)}</td></tr>`)}</tbody>
        </table></details>
    </section>`;
}

function localNow() {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

function logForm(st) {
  const errs = st.logErrors || {};
  const submit = async (e) => {
    e.preventDefault();
    const d = new FormData(e.target);
    const body = {
      type: d.get('type'), direction: d.get('direction'), channel: d.get('channel'),
      occurredAt: new Date(String(d.get('occurredAt'))).toISOString(), note: String(d.get('note') || '') || null,
    };
    try {
      await call(interactionsApi.recordInteractionRaw({ contactId: st.id, interactionInput: body }));
      await loadContact(st);
      st.logErrors = null;
      st.message = ''; st.notice = `Interaction logged. Strength is now ${num1(st.score.strength)} (${words(st.score.tier)}).`;
      e.target.reset();
    } catch (err) {
      st.logErrors = err.fieldErrors; st.message = errorText(err);
    }
    drawContact(st);
  };
  const select = (name, label, options) => html`<div class="field"><label for="l-${name}">${label}</label>
    <select id="l-${name}" name=${name}>${options.map((o) => html`<option value=${o}>${words(o)}</option>`)}</select>${fieldError(errs, name)}</div>`;
  return html`
    <section aria-labelledby="log-h">
      <h2 id="log-h">Log interaction</h2>
      <form class="inline-form" @submit=${submit}>
        ${select('type', 'Type', TYPES)}${select('direction', 'Direction', DIRECTIONS)}${select('channel', 'Channel', CHANNELS)}
        <div class="field"><label for="l-when">When</label><input id="l-when" name="occurredAt" type="datetime-local" .value=${localNow()} required>${fieldError(errs, 'occurredAt')}</div>
        <div class="field wide"><label for="l-note">Note</label><textarea id="l-note" name="note" rows="2"></textarea>${fieldError(errs, 'note')}</div>
        <button type="submit">Log interaction</button>
      </form>
    </section>`;
}

function timeline(st) {
  const del = async (i) => {
    try {
      await call(interactionsApi.deleteInteractionRaw({ id: i.id }));
      await loadContact(st);
      st.message = ''; st.notice = 'Interaction deleted.';
    } catch (err) { st.message = errorText(err); }
    drawContact(st);
  };
  const save = async (e, i) => {
    e.preventDefault();
    const d = new FormData(e.target);
    const body = { type: d.get('type'), direction: d.get('direction'), channel: d.get('channel'), note: String(d.get('note') || '') || null };
    try {
      await call(interactionsApi.patchInteractionRaw({ id: i.id, interactionPatch: body }));
      st.editingInteraction = null;
      await loadContact(st);
      st.message = ''; st.notice = `Interaction saved. Strength is now ${num1(st.score.strength)} (${words(st.score.tier)}).`;
    } catch (err) { st.message = errorText(err); }
    drawContact(st);
  };
  const choose = (i, name, label, options) => html`<div class="field"><label for="e-${name}-${i.id}">${label}</label>
    <select id="e-${name}-${i.id}" name=${name}>${options.map((o) => html`<option value=${o} ?selected=${i[name] === o}>${words(o)}</option>`)}</select></div>`;
  const editor = (i) => html`<form class="inline-form" @submit=${(e) => save(e, i)}>
    ${choose(i, 'type', 'Type', TYPES)}${choose(i, 'direction', 'Direction', DIRECTIONS)}${choose(i, 'channel', 'Channel', CHANNELS)}
    <div class="field wide"><label for="e-note-${i.id}">Note</label><textarea id="e-note-${i.id}" name="note" rows="2" .value=${i.note || ''}></textarea></div>
    <button type="submit">Save interaction</button>
    <button type="button" @click=${() => { st.editingInteraction = null; drawContact(st); }}>Cancel</button></form>`;
  return html`
    <section aria-labelledby="timeline-h">
      <h2 id="timeline-h">Timeline</h2>
      ${st.interactions.length ? html`<ol class="timeline">${st.interactions.map((i) => html`<li>
        <span>${when(i.occurredAt)}: ${words(i.type)}, ${words(i.direction).toLowerCase()}, via ${words(i.channel)}</span>
        ${i.note ? html`<span class="note">${i.note}</span>` : nothing}
        <button class="link" @click=${() => { st.editingInteraction = i.id; drawContact(st); }} aria-label="Edit ${words(i.type).toLowerCase()} of ${when(i.occurredAt)}">Edit</button>
        <button class="link" @click=${() => del(i)} aria-label="Delete ${words(i.type).toLowerCase()} of ${when(i.occurredAt)}">Delete</button>
        ${st.editingInteraction === i.id ? editor(i) : nothing}</li>`)}</ol>`
        : html`<p>No interactions yet.</p>`}
    </section>`;
}

// ---------------------------------------------------------------------------------------------- actions
async function actionsScreen(state = {}) {
  loading('actions', 'Actions');
  let actions, summary;
  try {
    [actions, summary] = await Promise.all([call(actionsApi.listActionsRaw({ limit: 200 })), call(networkApi.getNetworkSummaryRaw({}))]);
  } catch (e) {
    return show('actions', 'Actions', alertBox(errorText(e)));
  }
  const counts = Object.fromEntries(summary.data.actions.map((a) => [a.id, a.contacts]));
  const errs = state.errors || {};
  const create = async (e) => {
    e.preventDefault();
    const d = new FormData(e.target);
    const body = { name: d.get('name'), description: d.get('description') || null, threshold: d.get('threshold') === '' ? null : Number(d.get('threshold')) };
    try {
      await call(actionsApi.createActionRaw({ actionInput: body }));
      actionsScreen({ message: `Action “${body.name}” created.` });
    } catch (err) { actionsScreen({ errors: err.fieldErrors, message: errorText(err) }); }
  };
  const remove = async (a) => {
    try { await call(actionsApi.deleteActionRaw({ id: a.id })); actionsScreen({ message: `Action “${a.name}” deleted.` }); }
    catch (err) { actionsScreen({ message: errorText(err) }); }
  };
  const edit = async (e, a) => {
    e.preventDefault();
    const d = new FormData(e.target);
    try {
      await call(actionsApi.patchActionRaw({ id: a.id, actionPatch: { threshold: Number(d.get('threshold')) } }));
      actionsScreen({ message: `Action “${a.name}” saved.` });
    } catch (err) { actionsScreen({ message: errorText(err) }); }
  };
  show('actions', 'Actions', html`
    ${state.message ? html`<p role="status" class="status">${state.message}</p>` : nothing}
    <ul class="cards">${actions.data.items.map((a) => html`<li>
      <h2><a href="#/actions/${a.id}">${a.name}</a></h2>
      ${a.description ? html`<p>${a.description}</p>` : nothing}
      <p>Threshold ${a.threshold}; ${counts[a.id] ?? 0} ${counts[a.id] === 1 ? 'contact clears' : 'contacts clear'} it.</p>
      <form class="inline-form" @submit=${(e) => edit(e, a)}>
        <div class="field"><label for="t-${a.id}">Threshold for ${a.name}</label><input id="t-${a.id}" name="threshold" type="number" min="0" max="100" step="0.1" .value=${String(a.threshold)}></div>
        <button type="submit">Save</button>
        <button type="button" class="danger" @click=${() => remove(a)}>Delete ${a.name}</button>
      </form></li>`)}</ul>
    <section aria-labelledby="new-action-h"><h2 id="new-action-h">New action</h2>
      <form class="stack" @submit=${create} novalidate>
        <div class="field"><label for="a-name">Name</label><input id="a-name" name="name" required>${fieldError(errs, 'name')}</div>
        <div class="field"><label for="a-description">Description</label><input id="a-description" name="description">${fieldError(errs, 'description')}</div>
        <div class="field"><label for="a-threshold">Threshold</label><input id="a-threshold" name="threshold" type="number" min="0" max="100" step="0.1">${fieldError(errs, 'threshold')}</div>
        <button type="submit">Create action</button>
      </form></section>`);
}

async function actionScreen(id) {
  loading('actions', 'Action');
  try {
    const [a, who] = await Promise.all([call(actionsApi.getActionRaw({ id })), call(actionsApi.listActionContactsRaw({ id, limit: 200 }))]);
    show('actions', a.data.name, html`
      <p>Threshold ${a.data.threshold}. ${a.data.description || ''}</p>
      <h2>Who clears it, strongest first</h2>
      ${who.data.items.length ? html`<table class="list"><thead><tr><th scope="col">Name</th><th scope="col">Strength</th><th scope="col">Tier</th></tr></thead>
        <tbody>${who.data.items.map((c) => html`<tr><td><a href="#/contacts/${c.contactId}">${c.displayName}</a></td><td>${num1(c.strength)}</td><td>${words(c.tier)}</td></tr>`)}</tbody></table>`
        : html`<p>Nobody clears it yet.</p>`}
      <p><a href="#/actions">All actions</a></p>`);
  } catch (e) {
    show('actions', 'Action', alertBox(errorText(e)));
  }
}

// ---------------------------------------------------------------------------------------------- settings
async function settingsScreen(state = {}) {
  let res;
  try {
    res = state.res || (await call(settingsApi.getScoringSettingsRaw()));
  } catch (e) {
    return show('settings', 'Settings', alertBox(errorText(e)));
  }
  const s = state.values || res.data;
  const errs = state.errors || {};
  const field = (name, label, value, attrs = {}) => html`<div class="field"><label for="s-${name}">${label}</label>
    <input id="s-${name}" name=${name} type="number" step="any" .value=${value == null ? '' : String(value)}
      aria-invalid=${errs[name] ? 'true' : nothing} aria-describedby=${errs[name] ? `err-${name}` : nothing} min=${attrs.min ?? nothing}>
    ${fieldError(errs, name)}</div>`;
  const save = async (e) => {
    e.preventDefault();
    const d = new FormData(e.target);
    const n = (k) => (d.get(k) === '' ? null : Number(d.get(k)));
    const body = {
      halfLifeDays: n('halfLifeDays'), saturation: n('saturation'),
      weights: Object.fromEntries(TYPES.map((t) => [t, n(`weights.${t}`)])),
      tiers: Object.fromEntries(['ACQUAINTANCE', 'FRIEND', 'ALLY'].map((t) => [t, n(`tiers.${t}`)])),
      cadenceDays: Object.fromEntries(['ACQUAINTANCE', 'FRIEND', 'ALLY'].map((t) => [t, n(`cadenceDays.${t}`)]).filter(([, v]) => v != null)),
    };
    try {
      const saved = await call(settingsApi.replaceScoringSettingsRaw({ scoringSettings: body, ifMatch: res.etag || undefined }));
      settingsScreen({ res: saved, message: 'Saved. Your contacts were re-scored with the new settings.' });
    } catch (err) {
      settingsScreen({ res, values: body, errors: err.fieldErrors, message: errorText(err), failed: true });
    }
  };
  show('settings', 'Settings', html`
    ${state.failed ? alertBox(state.message) : state.message ? html`<p role="status" class="status">${state.message}</p>` : nothing}
    <form class="stack" @submit=${save} novalidate>
      <fieldset><legend>Decay and saturation</legend>
        ${field('halfLifeDays', 'Half-life (days)', s.halfLifeDays)}${field('saturation', 'Saturation (K)', s.saturation)}</fieldset>
      <fieldset><legend>Points per interaction type</legend><div class="cols">
        ${TYPES.map((t) => field(`weights.${t}`, words(t), s.weights?.[t]))}</div></fieldset>
      <fieldset><legend>Tier floors (strength)</legend><div class="cols">
        ${['ACQUAINTANCE', 'FRIEND', 'ALLY'].map((t) => field(`tiers.${t}`, words(t), s.tiers?.[t]))}</div></fieldset>
      <fieldset><legend>Cadence (days between touches)</legend><div class="cols">
        ${['ACQUAINTANCE', 'FRIEND', 'ALLY'].map((t) => field(`cadenceDays.${t}`, words(t), s.cadenceDays?.[t]))}</div></fieldset>
      <button type="submit">Save settings</button>
    </form>`);
}

// ---------------------------------------------------------------------------------------------- import
const KINDS = [
  ['linkedin', 'LinkedIn connections (CSV)', 'text/csv'],
  ['linkedin-zip', "LinkedIn's whole export (.zip)", 'application/zip'],
  ['google', 'Google Contacts (CSV)', 'text/csv'],
  ['vcard', 'vCard (.vcf)', 'text/vcard'],
  ['calendar', 'Calendar (.ics): meetings', 'text/calendar'],
  ['mail', 'Mail (.mbox, .eml): exchanges', 'application/mbox'],
  ['whatsapp', 'WhatsApp chat (.txt or .zip)', 'text/plain'],
  ['telegram', 'Telegram export (result.json)', 'application/json'],
];
// a file's own type decides where the kind takes several (an .eml is one message, a .zip an archive)
const typeOf = (kind, file) => {
  const name = file.name.toLowerCase();
  if (name.endsWith('.zip')) return 'application/zip';
  if (kind === 'mail' && name.endsWith('.eml')) return 'message/rfc822';
  return KINDS.find((k) => k[0] === kind)[2];
};

// Files over this size are sent with "Prefer: respond-async": the API may run them as a job (SPEC, "Large files
// run as jobs"), which the screen follows with a progress bar.
const ASYNC_ABOVE = 8 * 1024 * 1024;
const imp = { job: null };

function importScreen(state = {}) {
  const run = async (dryRun) => {
    const form = document.getElementById('import-form');
    const file = form.file.files[0];
    const kind = form.kind.value;
    const messages = kind === 'linkedin' ? form.messages?.files[0] : undefined;
    if (!file) return importScreen({ message: 'Choose a file first.', kind });
    importScreen({ busy: true, kind, message: dryRun ? 'Previewing…' : 'Importing…' });
    try {
      const type = typeOf(kind, file);
      const size = file.size + (messages ? messages.size : 0);
      const prefer = size > ASYNC_ABOVE ? 'respond-async' : undefined;
      const res = await call(importFile(kind, { dryRun: String(dryRun), prefer }, file, messages, type));
      const done = dryRun ? 'Preview (nothing was written):' : 'Import finished:';
      if (res.status === 202 && res.location) return followJob(res.location, kind, done);
      importScreen({ report: res.data, kind, message: done });
    } catch (err) {
      importScreen({ kind, message: errorText(err), failed: true });
    }
  };
  const download = async (format, name) => {
    try {
      const res = await downloadFile(importsApi.exportContactsRaw({ format }));
      const a = document.createElement('a');
      a.href = URL.createObjectURL(res.blob);
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    } catch (err) { importScreen({ message: errorText(err), failed: true }); }
  };
  const r = state.report;
  const job = state.job;
  show('import', 'Import', html`
    <form id="import-form" class="stack" @submit=${(e) => { e.preventDefault(); run(false); }}>
      <div class="field"><label for="i-file">File</label><input id="i-file" name="file" type="file" accept=".csv,.vcf,.ics,.mbox,.eml,.txt,.json,.zip"></div>
      <div class="field"><label for="i-kind">Kind</label><select id="i-kind" name="kind" @change=${(e) => importScreen({ kind: e.target.value })}>
        ${KINDS.map(([k, label]) => html`<option value=${k} ?selected=${state.kind === k}>${label}</option>`)}</select></div>
      ${(state.kind || KINDS[0][0]) === 'linkedin' ? html`<div class="field"><label for="i-messages">Messages (messages.csv, optional)</label>
        <input id="i-messages" name="messages" type="file" accept=".csv,text/csv" aria-describedby="i-messages-hint">
        <p id="i-messages-hint" class="hint">The export's messages become Message interactions with your contacts.</p></div>` : nothing}
      <div class="row"><button type="button" @click=${() => run(true)} ?disabled=${state.busy}>Preview</button>
        <button type="submit" ?disabled=${state.busy}>Import</button></div>
    </form>
    ${state.failed ? alertBox(state.message) : html`<p role="status" class="status">${state.message || ''}</p>`}
    ${job ? html`<div class="field"><label id="i-progress-label" for="i-progress">Import progress</label>
      <progress id="i-progress" aria-labelledby="i-progress-label" max=${job.bytesTotal || 1} value=${job.bytesTotal ? job.bytesRead || 0 : nothing}></progress>
      <p class="hint">${words(job.status)}${job.bytesTotal ? `: ${size(job.bytesRead)} of ${size(job.bytesTotal)} read (${Math.floor(((job.bytesRead || 0) * 100) / job.bytesTotal)} %)` : ''}</p></div>` : nothing}
    ${r ? html`<dl class="facts"><dt>Created</dt><dd>${r.created}</dd><dt>Updated</dt><dd>${r.updated}</dd>
      <dt>Unchanged</dt><dd>${r.unchanged}</dd><dt>Skipped</dt><dd>${r.skipped}</dd>
      ${r.messages ? html`<dt>Messages</dt><dd>${r.messages.created} created, ${r.messages.unchanged} unchanged, ${r.messages.skipped} skipped</dd>` : nothing}
      ${r.interactions ? html`<dt>Interactions</dt><dd>${r.interactions.created} created, ${r.interactions.unchanged} unchanged, ${r.interactions.skipped} skipped</dd>` : nothing}</dl>
      ${r.errors?.length ? html`<h2>Errors</h2><ul class="plain">${r.errors.map((e) => html`<li>${e.file ? `${e.file}, line` : 'Line'} ${e.line}: ${e.message}</li>`)}</ul>` : nothing}
      ${r.warnings?.length ? html`<h2>Warnings</h2><ul class="plain">${r.warnings.map((e) => html`<li>Line ${e.line}: ${e.message}</li>`)}</ul>` : nothing}
      ${r.unmatched?.length ? html`<h2>Not in your contacts</h2><ul class="plain">${r.unmatched.map((u) => html`<li>${u.name || u.email || u.phone}${u.email && u.name ? ` (${u.email})` : ''}: ${u.interactions} interactions</li>`)}</ul>` : nothing}` : nothing}
    <section aria-labelledby="export-h"><h2 id="export-h">Export</h2>
      <div class="row"><button @click=${() => download('csv', 'contacts.csv')}>Download CSV</button>
        <button @click=${() => download('vcard', 'contacts.vcf')}>Download vCard</button></div></section>`);
}

const size = (bytes) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${((bytes || 0) / 1024).toFixed(1)} kB`);

/**
 * A long import runs as a job (202 with Location /api/v1/imports/{id}): its state is polled once a second and shown
 * as a progress bar, then its report (or why it failed). Leaving the screen stops the polling.
 */
async function followJob(location, kind, done) {
  const id = decodeURIComponent(location.replace(/^.*\/imports\//, ''));
  const me = {};
  imp.job = me;
  for (;;) {
    if (imp.job !== me || !location || !window.location.hash.startsWith('#/import')) return;
    let job;
    try {
      job = (await call(importsApi.getImportJobRaw({ id }))).data;
    } catch (err) {
      if (imp.job === me) importScreen({ kind, message: errorText(err), failed: true });
      return;
    }
    if (imp.job !== me) return;
    if (job.status === 'SUCCEEDED') return importScreen({ kind, job, report: job.report, message: done });
    if (job.status === 'FAILED') {
      return importScreen({ kind, job, failed: true, message: `The import failed: ${job.error || 'no reason given'}` });
    }
    importScreen({ kind, job, busy: true, message: 'Importing… (you may leave this page: the import goes on)' });
    await new Promise((resolve) => { setTimeout(resolve, 1000); });
  }
}

// ---------------------------------------------------------------------------------------------- router
async function route() {
  if (!session.token) return signIn();
  const parts = location.hash.replace(/^#\/?/, '').split('/');
  const [screen, id] = parts;
  switch (screen) {
    case '': case 'network': await networkScreen(); break;
    case 'contacts':
      if (id === 'new') newContactScreen();
      else if (id) await contactScreen(id);
      else await contactsScreen();
      break;
    case 'actions': if (id) await actionScreen(id); else await actionsScreen(); break;
    case 'settings': await settingsScreen(); break;
    case 'import': importScreen(); break;
    default: show('', 'Not found', html`<p>There is no such page. <a href="#/network">Go to Network</a>.</p>`);
  }
  const h1 = document.querySelector('h1');
  if (h1 && document.activeElement === document.body) h1.focus();
}

whenUnauthorized(() => { forget(); signIn(); });
whenSessionEnds(() => signIn());
window.addEventListener('hashchange', () => route());

async function start() {
  await loadSignInConfig();
  if (oidc.config) await resumeSession();
  else if (!session.token) {
    // Dev mode only: the service offers the printed dev token (the route does not exist in a production build).
    try {
      const res = await fetch('/dev/ui-token', { headers: { Accept: 'text/plain' } });
      if (res.ok) session.set((await res.text()).trim());
    } catch { /* no dev token */ }
  }
  route();
}
start();
