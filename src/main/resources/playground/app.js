// The playground page: who you are, where you are, what Capstan showed you. Polls /playground/state, which sends every
// message and modal already rendered as Slack shows them; this script adds clicks, forms and the composer.
const page = {user: 'UMEMBER01', channel: 'CGENERAL', state: null, modalKey: null};
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
const $ = id => document.getElementById(id);
const escape = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));

async function post(path, body) {
  const response = await fetch(path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
  return response.json();
}

function authorName(id) {
  if (id === 'UCAPSTAN0') return 'Capstan';
  if (id === 'USLACKBOT') return 'Slackbot';
  return (page.state?.people || []).find(p => p.id === id)?.name || id;
}

// Redraws only the messages that are new or changed, so what someone is picking in another message stays as it is.
function renderMessages(target, messages) {
  const drawn = new Map([...target.children].map(el => [el.dataset.ts, el]));
  const wanted = messages.map(m => {
    const key = JSON.stringify([m.author, m.ephemeral, m.edited, m.html]);
    const old = drawn.get(m.ts);
    return old && old.dataset.key === key ? old : messageElement(m, key);
  });
  if (wanted.length === target.children.length && wanted.every((el, i) => target.children[i] === el)) return;
  target.replaceChildren(...wanted);
  target.scrollTop = target.scrollHeight;
}

function messageElement(m, key) {
  const div = document.createElement('div');
  div.className = 'message' + (m.ephemeral ? ' ephemeral' : '') + (m.typed ? ' typed' : '');
  div.dataset.ts = m.ts;
  div.dataset.key = key;
  const notes = (m.ephemeral && !m.typed ? 'Only visible to you' : '') + (m.edited ? ' (edited)' : '');
  div.innerHTML = m.typed ? m.html
    : `<span class="author">${escape(authorName(m.author))}</span><span class="note">${notes}</span><div class="body">${m.html}</div>`;
  return div;
}

// What Slack sends for a click or pick: the element's action as rendered, completed with what was picked.
function actionOf(el) {
  const action = JSON.parse(el.dataset.action);
  if (el.tagName === 'SELECT') {
    if (!el.value) return null;
    if (action.type === 'users_select') action.selected_user = el.value;
    else action.selected_option = JSON.parse(el.selectedOptions[0].dataset.option);
  } else if (el.type === 'date') {
    action.selected_date = el.value || null;
  }
  return action;
}

function onActions(container, where) {
  const send = el => {
    const action = actionOf(el);
    if (action) post('/playground/click', {user: page.user, ...where(el), action}).then(refresh);
  };
  container.addEventListener('click', e => {
    const button = e.target.closest('button[data-action]');
    if (button) send(button);
  });
  container.addEventListener('change', e => {
    const field = e.target.closest('select[data-action], input[data-action]');
    if (field) send(field);
  });
}

function renderModal(modal) {
  const key = modal ? modal.html : null;
  if (key === page.modalKey) return;
  page.modalKey = key;
  $('modal-backdrop').hidden = !modal;
  const box = $('modal');
  if (!modal) {
    delete box.dataset.viewId;
    return;
  }
  const view = modal.view;
  const typed = box.dataset.viewId === view.id ? typedValues(box) : {};
  box.dataset.viewId = view.id;
  box.innerHTML = modal.html;
  keepTyped(box, typed);
  const footer = document.createElement('div');
  footer.className = 'footer';
  const close = Object.assign(document.createElement('button'), {id: 'modal-close', textContent: view.close?.text || 'Cancel'});
  close.onclick = () => post('/playground/close', {user: page.user}).then(refresh);
  footer.append(close);
  if (view.submit) {
    const submit = Object.assign(document.createElement('button'), {id: 'modal-submit', className: 'primary',
      textContent: view.submit.text});
    submit.onclick = () => post('/playground/submit', {user: page.user, view_id: view.id, values: modalValues(box)}).then(refresh);
    footer.append(submit);
  }
  box.append(footer);
}

// Like Slack, a view shown again (with errors, or through views.update) keeps what the person typed into inputs whose
// block id and action id it still has.
function typedValues(box) {
  return Object.fromEntries([...box.querySelectorAll('[data-block-id]')]
    .map(field => [field.dataset.blockId + ' ' + field.dataset.actionId, field.value]));
}

function keepTyped(box, typed) {
  box.querySelectorAll('[data-block-id]').forEach(field => {
    const value = typed[field.dataset.blockId + ' ' + field.dataset.actionId];
    if (value === undefined) return;
    if (field.tagName === 'SELECT' && ![...field.options].some(o => o.value === value)) return;
    field.value = value;
  });
}

// What Slack puts in view.state.values for one input: selected_option(s), selected_user, selected_conversation,
// selected_date or value.
function inputState(field) {
  const type = field.dataset.type;
  if (type === 'users_select') return {type, selected_user: field.value || null};
  if (type === 'conversations_select') return {type, selected_conversation: field.value || null};
  if (type === 'checkboxes') return {type, selected_options: [...field.querySelectorAll('input:checked')].map(i => JSON.parse(i.dataset.option))};
  if (type === 'static_select') return {type, selected_option: field.value ? JSON.parse(field.selectedOptions[0].dataset.option) : null};
  if (type === 'datepicker') return {type, selected_date: field.value || null};
  return {type, value: field.value};
}

// The modal's inputs as Slack puts them in view.state.values: block id → action id → the element's own shape.
function modalValues(box) {
  const values = {};
  box.querySelectorAll('[data-block-id]').forEach(field => {
    values[field.dataset.blockId] = {[field.dataset.actionId]: inputState(field)};
  });
  return values;
}

function renderFrame(state) {
  const people = $('person');
  if (people.options.length !== state.people.length) {
    people.innerHTML = state.people.map(p => `<option value="${p.id}">${escape(p.name)} (${p.role})</option>`).join('');
    people.value = page.user;
  }
  $('channels').replaceChildren(...state.channels.map(c => {
    const li = document.createElement('li');
    li.textContent = '# ' + c.name;
    li.dataset.id = c.id;
    li.className = c.id === page.channel ? 'active' : '';
    li.onclick = () => { page.home = false; page.channel = c.id; join().then(refresh); };
    return li;
  }));
  $('channel-title').textContent = '# ' + (state.channels.find(c => c.id === page.channel)?.name || page.channel);
  $('calls').replaceChildren(...state.calls.map(call => {
    const li = document.createElement('li');
    li.textContent = call.method + ' ' + JSON.stringify(call.args);
    return li;
  }));
}

// Opening a channel joins it, as in Slack; Capstan hears member_joined_channel the first time.
function join() {
  return post('/playground/join', {user: page.user, channel: page.channel});
}

async function refresh() {
  const response = await fetch(`/playground/state?user=${page.user}&channel=${page.channel}&zone=${encodeURIComponent(zone)}`);
  page.state = await response.json();
  renderFrame(page.state);
  renderMessages($('messages'), page.state.messages);
  renderMessages($('dms'), page.state.dms);
  renderModal(page.state.modal);
  renderHome(page.state.home);
}

// The Home tab: what Capstan published for this person with views.publish, drawn like a modal's blocks.
function renderHome(home) {
  const box = $('home');
  box.hidden = !page.home;
  $('messages').hidden = !!page.home;
  $('composer').hidden = !!page.home;
  if (!page.home) return;
  $('channel-title').textContent = 'Home';
  const html = home ? home.html : '<p class="note">Capstan has not published your Home yet.</p>';
  if (box.dataset.html === html) return;
  box.dataset.html = html;
  box.dataset.viewId = home ? home.id : '';
  box.innerHTML = html;
}

onActions($('messages'), el => ({channel: page.channel, ts: el.closest('.message').dataset.ts}));
onActions($('dms'), el => ({channel: 'D' + page.user, ts: el.closest('.message').dataset.ts}));
onActions($('modal'), () => ({view_id: $('modal').dataset.viewId}));
onActions($('home'), () => ({view_id: $('home').dataset.viewId}));
$('home-tab').onclick = e => {
  e.preventDefault();
  page.home = true;
  post('/playground/home', {user: page.user}).then(refresh);
};
$('person').onchange = e => {
  page.user = e.target.value;
  (page.home ? post('/playground/home', {user: page.user}) : Promise.resolve()).then(refresh);
};
$('add-person').onsubmit = e => {
  e.preventDefault();
  post('/playground/people', {name: $('new-name').value, role: $('new-role').value}).then(added => {
    page.user = added.id;
    $('new-name').value = '';
    $('person').innerHTML = '';
    join().then(refresh);
  });
};
Composer.start({
  send: text => post('/playground/command', {user: page.user, channel: page.channel, text}).then(refresh),
  people: () => page.state?.people || [],
  channels: () => page.state?.channels || [],
});
refresh();
setInterval(refresh, 700);
