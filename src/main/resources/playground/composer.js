// The message box: slash commands go to Capstan; @ and # offer people and channels and, like Slack's client with
// "Escape channels, users, and links" on, send what was picked as <@U…|name> and <#C…|name>.
const Composer = (() => {
  const $ = id => document.getElementById(id);
  const TYPING = /(^|\s)([@#])([^\s@#<>]*)$/;
  const state = {picked: [], offered: [], active: 0};

  function matches(sign, query, people, channels) {
    const q = query.toLowerCase();
    if (sign === '@') {
      return people().filter(p => p.name.toLowerCase().split(/\s+/).some(w => w.startsWith(q)) || p.handle.startsWith(q))
        .map(p => ({label: '@' + p.name, shown: '@' + p.name, markup: `<@${p.id}|${p.handle}>`, detail: p.handle}));
    }
    return channels().filter(c => c.name.toLowerCase().startsWith(q))
      .map(c => ({label: '#' + c.name, shown: '#' + c.name, markup: `<#${c.id}|${c.name}>`, detail: ''}));
  }

  function typing(input) {
    return TYPING.exec(input.value.slice(0, input.selectionStart));
  }

  function offer(input, people, channels) {
    const typed = typing(input);
    state.offered = typed ? matches(typed[2], typed[3], people, channels).slice(0, 8) : [];
    state.active = 0;
    show(input);
  }

  function show(input) {
    const list = $('mention-list');
    list.hidden = state.offered.length === 0;
    list.replaceChildren(...state.offered.map((o, i) => {
      const li = document.createElement('li');
      li.textContent = o.label;
      if (o.detail) li.append(Object.assign(document.createElement('span'), {className: 'note', textContent: o.detail}));
      li.className = i === state.active ? 'active' : '';
      li.onmousedown = e => { e.preventDefault(); pick(input, o); };
      return li;
    }));
  }

  function pick(input, offered) {
    const before = input.value.slice(0, input.selectionStart);
    const after = input.value.slice(input.selectionStart);
    const typed = typing(input);
    const start = before.length - typed[2].length - typed[3].length;
    input.value = before.slice(0, start) + offered.shown + ' ' + after;
    const caret = start + offered.shown.length + 1;
    input.setSelectionRange(caret, caret);
    state.picked.push(offered);
    state.offered = [];
    show(input);
  }

  // The text Slack would send: each picked name, still there as it was picked, becomes its mention.
  function outgoing(text) {
    return [...state.picked].sort((a, b) => b.shown.length - a.shown.length)
      .reduce((sent, p) => sent.split(p.shown).join(p.markup), text);
  }

  function start({send, people, channels}) {
    const input = $('command');
    const hint = $('composer-hint');
    input.addEventListener('input', () => { hint.hidden = true; offer(input, people, channels); });
    input.addEventListener('keydown', e => {
      if (state.offered.length === 0) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        state.active = (state.active + (e.key === 'ArrowDown' ? 1 : state.offered.length - 1)) % state.offered.length;
        show(input);
        e.preventDefault();
      } else if (e.key === 'Enter' || e.key === 'Tab') {
        pick(input, state.offered[state.active]);
        e.preventDefault();
      } else if (e.key === 'Escape') {
        state.offered = [];
        show(input);
      }
    });
    $('composer').onsubmit = e => {
      e.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      if (!text.startsWith('/')) {
        hint.hidden = false;
        return;
      }
      input.value = '';
      const sent = outgoing(text);
      state.picked = [];
      send(sent);
    };
  }

  return {start, outgoing};
})();
