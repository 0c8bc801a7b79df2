// Renders Slack's Block Kit (the subset Capstan uses) into DOM elements. Clicks are reported through onAction.
const Blocks = (() => {
  const escape = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));

  const EMOJI = {white_check_mark: '✅', hourglass_flowing_sand: '⏳', no_entry: '⛔', warning: '⚠️', x: '❌',
    scissors: '✂️', page_facing_up: '📄', tada: '🎉', rocket: '🚀', lock: '🔒', unlock: '🔓', wave: '👋',
    sparkles: '✨', no_good: '🙅', question: '❓', calendar: '📅'};

  function mrkdwn(text, people) {
    let html = escape(text).replace(/:([a-z0-9_+-]+):/g, (code, name) => EMOJI[name] || code);
    html = html.replace(/```([\s\S]*?)```/g, (_, code) => `<pre>${code.replace(/^\n/, '')}</pre>`);
    html = html.replace(/`([^`\n]+)`/g, '<code>$1</code>');
    html = html.replace(/\*([^*\n]+)\*/g, '<b>$1</b>').replace(/(^|\s)_([^_\n]+)_/g, '$1<i>$2</i>');
    html = html.replace(/&lt;@([UW][A-Z0-9]+)(\|[^&]*)?&gt;/g, (_, id) => '@' + escape(people[id] || id));
    html = html.replace(/&lt;#(C[A-Z0-9]+)\|([^&]*)&gt;/g, '#$2');
    html = html.replace(/&lt;(https?:[^|&]+)\|([^&]+)&gt;/g, '<a href="$1" target="_blank">$2</a>');
    html = html.replace(/&lt;(https?:[^&]+)&gt;/g, '<a href="$1" target="_blank">$1</a>');
    return html.replace(/\n/g, '<br>');
  }

  function text(obj, people) {
    if (!obj) return '';
    return obj.type === 'mrkdwn' ? mrkdwn(obj.text, people) : escape(obj.text);
  }

  function element(el, block, ctx) {
    if (el.type === 'button') {
      const button = document.createElement('button');
      button.innerHTML = text(el.text, ctx.people);
      if (el.style) button.className = el.style;
      button.onclick = () => ctx.onAction({type: 'button', action_id: el.action_id, block_id: block.block_id || 'b',
        value: el.value, text: el.text});
      return button;
    }
    if (SELECTS.includes(el.type)) {
      const select = selectFor(el, ctx);
      select.onchange = () => {
        if (select.value) ctx.onAction({type: el.type, action_id: el.action_id, block_id: block.block_id || 'b',
          ...selectedState(el, ctx, select.value)});
      };
      return select;
    }
    if (el.type === 'datepicker') {
      const picker = datepickerFor(el);
      picker.onchange = () => ctx.onAction({type: 'datepicker', action_id: el.action_id, block_id: block.block_id || 'b',
        selected_date: picker.value || null});
      return picker;
    }
    if (el.type === 'image') {
      const img = document.createElement('img');
      img.src = el.image_url; img.alt = el.alt_text || ''; img.width = 24;
      return img;
    }
    const span = document.createElement('span');
    span.innerHTML = text(el, ctx.people);
    return span;
  }

  const SELECTS = ['static_select', 'users_select'];

  function optionsOf(el, ctx) {
    if (el.type === 'users_select') return Object.entries(ctx.people).map(([id, name]) => ({value: id, text: {type: 'plain_text', text: name}}));
    return (el.options || []).concat(...(el.option_groups || []).map(g => g.options || []));
  }

  function selectFor(el, ctx) {
    const select = document.createElement('select');
    const initial = el.initial_option?.value || el.initial_user || '';
    select.innerHTML = `<option value="">${text(el.placeholder, ctx.people) || 'Select…'}</option>` + optionsOf(el, ctx)
      .map(o => `<option value="${escape(o.value)}"${o.value === initial ? ' selected' : ''}>${text(o.text, ctx.people)}</option>`).join('');
    select._element = el;
    select._people = ctx.people;
    return select;
  }

  function selectedState(el, ctx, value) {
    if (el.type === 'users_select') return {selected_user: value || null};
    const option = optionsOf(el, ctx).find(o => o.value === value);
    return {selected_option: option ? {text: option.text, value: option.value} : null};
  }

  function datepickerFor(el) {
    const picker = document.createElement('input');
    picker.type = 'date';
    if (el.initial_date) picker.value = el.initial_date;
    return picker;
  }

  // What Slack puts in view.state.values for one input: selected_option, selected_user, selected_date or value.
  function inputState(field) {
    const type = field.dataset.type || 'plain_text_input';
    if (SELECTS.includes(type)) return {type, ...selectedState(field._element, {people: field._people}, field.value)};
    if (type === 'datepicker') return {type, selected_date: field.value || null};
    return {type, value: field.value};
  }

  function input(block, ctx) {
    const el = block.element || {};
    const div = document.createElement('div');
    div.innerHTML = `<label>${text(block.label, ctx.people)}${block.optional ? ' <span class="note">(optional)</span>' : ''}</label>`;
    let field;
    if (SELECTS.includes(el.type)) field = selectFor(el, ctx);
    else if (el.type === 'datepicker') field = datepickerFor(el);
    else {
      field = document.createElement(el.multiline ? 'textarea' : 'input');
      if (el.initial_value) field.value = el.initial_value;
      if (el.placeholder) field.placeholder = el.placeholder.text;
    }
    field.dataset.blockId = block.block_id;
    field.dataset.actionId = el.action_id;
    field.dataset.type = el.type || 'plain_text_input';
    field.name = block.block_id;
    div.append(field);
    if (block.hint) div.insertAdjacentHTML('beforeend', `<div class="note">${text(block.hint, ctx.people)}</div>`);
    const error = ctx.errors && ctx.errors[block.block_id];
    if (error) div.insertAdjacentHTML('beforeend', `<div class="error">${escape(error)}</div>`);
    return div;
  }

  function image(block) {
    const figure = document.createElement('figure');
    if (block.title) figure.insertAdjacentHTML('beforeend', `<figcaption>${escape(block.title.text)}</figcaption>`);
    const img = document.createElement('img');
    img.src = block.image_url || '';
    img.alt = block.alt_text || '';
    figure.append(img);
    return figure;
  }

  function render(blocks, ctx) {
    const root = document.createElement('div');
    for (const block of blocks || []) {
      const div = document.createElement('div');
      div.className = 'block ' + block.type;
      if (block.type === 'header') div.innerHTML = text(block.text, ctx.people);
      else if (block.type === 'section') {
        if (block.text) div.innerHTML = text(block.text, ctx.people);
        if (block.fields) {
          const fields = document.createElement('div');
          fields.className = 'fields';
          fields.innerHTML = block.fields.map(f => `<div>${text(f, ctx.people)}</div>`).join('');
          div.append(fields);
        }
        if (block.accessory) div.append(element(block.accessory, block, ctx));
      } else if (block.type === 'context') (block.elements || []).forEach(e => div.append(element(e, block, ctx)));
      else if (block.type === 'image') div.append(image(block));
      else if (block.type === 'actions') (block.elements || []).forEach(e => div.append(element(e, block, ctx)));
      else if (block.type === 'input') div.append(input(block, ctx));
      root.append(div);
    }
    return root;
  }

  return {render, mrkdwn, escape, inputState};
})();
