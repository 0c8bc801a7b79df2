// The playground page: who you are, where you are, what Capstan showed you. Polls /playground/state.
const page = {user: 'UMEMBER01', channel: 'CGENERAL', state: null, shown: {}, modalKey: null};
const $ = id => document.getElementById(id);

async function post(path, body) {
  const response = await fetch(path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
  return response.json();
}

function peopleById() {
  return Object.fromEntries((page.state?.people || []).map(p => [p.id, p.name]));
}

function authorName(id) {
  if (id === 'UCAPSTAN0') return 'Capstan';
  if (id === 'USLACKBOT') return 'Slackbot';
  return peopleById()[id] || id;
}

function renderMessages(target, messages, channel) {
  const key = JSON.stringify(messages);
  if (page.shown[target.id] === key) return;
  page.shown[target.id] = key;
  target.replaceChildren(...messages.map(m => {
    const div = document.createElement('div');
    const typed = m.ephemeral && m.author === page.user;
    div.className = 'message' + (m.ephemeral ? ' ephemeral' : '') + (typed ? ' typed' : '');
    div.dataset.ts = m.ts;
    const notes = (m.ephemeral && !typed ? 'Only visible to you' : '') + (m.edited ? ' (edited)' : '');
    div.innerHTML = typed ? Blocks.escape(m.text)
      : `<span class="author">${Blocks.escape(authorName(m.author))}</span><span class="note">${notes}</span>`;
    if (!typed) {
      const body = m.blocks && m.blocks.length
        ? Blocks.render(m.blocks, {people: peopleById(), onAction: action => click({ts: m.ts, channel}, action)})
        : Object.assign(document.createElement('div'), {innerHTML: Blocks.mrkdwn(m.text, peopleById())});
      div.append(body);
    }
    return div;
  }));
  target.scrollTop = target.scrollHeight;
}

function click(where, action) {
  post('/playground/click', {user: page.user, channel: where.channel, ts: where.ts, view_id: where.viewId, action})
    .then(refresh);
}

function renderModal(modal) {
  const key = modal ? JSON.stringify(modal) : null;
  if (key === page.modalKey) return;
  page.modalKey = key;
  $('modal-backdrop').hidden = !modal;
  if (!modal) {
    delete $('modal').dataset.viewId;
    return;
  }
  const view = modal.view;
  const box = $('modal');
  const typed = box.dataset.viewId === view.id ? typedValues(box) : {};
  box.dataset.viewId = view.id;
  box.innerHTML = `<h2>${Blocks.escape(view.title?.text)}</h2>`;
  box.append(Blocks.render(view.blocks, {people: peopleById(), errors: modal.errors,
    onAction: action => click({viewId: view.id}, action)}));
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

// The modal's inputs as Slack puts them in view.state.values: block id → action id → the element's own shape.
function modalValues(box) {
  const values = {};
  box.querySelectorAll('[data-block-id]').forEach(field => {
    values[field.dataset.blockId] = {[field.dataset.actionId]: Blocks.inputState(field)};
  });
  return values;
}

function renderFrame(state) {
  const people = $('person');
  if (people.options.length !== state.people.length) {
    people.innerHTML = state.people.map(p => `<option value="${p.id}">${Blocks.escape(p.name)} (${p.role})</option>`).join('');
    people.value = page.user;
  }
  $('channels').replaceChildren(...state.channels.map(c => {
    const li = document.createElement('li');
    li.textContent = '# ' + c.name;
    li.dataset.id = c.id;
    li.className = c.id === page.channel ? 'active' : '';
    li.onclick = () => { page.channel = c.id; join().then(refresh); };
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
  const response = await fetch(`/playground/state?user=${page.user}&channel=${page.channel}`);
  page.state = await response.json();
  renderFrame(page.state);
  renderMessages($('messages'), page.state.messages, page.channel);
  renderMessages($('dms'), page.state.dms, 'D' + page.user);
  renderModal(page.state.modal);
}

$('person').onchange = e => { page.user = e.target.value; page.shown = {}; refresh(); };
$('composer').onsubmit = e => {
  e.preventDefault();
  const text = $('command').value.trim();
  if (!text.startsWith('/')) return;
  $('command').value = '';
  post('/playground/command', {user: page.user, channel: page.channel, text}).then(refresh);
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
refresh();
setInterval(refresh, 700);
