// Renders Slack's Block Kit (the subset Capstan uses) into DOM elements. Clicks are reported through onAction.
const Blocks = (() => {
  const escape = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));

  const EMOJI = {white_check_mark: '✅', hourglass_flowing_sand: '⏳', no_entry: '⛔', warning: '⚠️', x: '❌',
    scissors: '✂️', page_facing_up: '📄', tada: '🎉', rocket: '🚀', lock: '🔒', unlock: '🔓', wave: '👋'};

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
    if (el.type === 'static_select') {
      const select = document.createElement('select');
      select.innerHTML = `<option value="">${text(el.placeholder, ctx.people)}</option>` +
        (el.options || []).map(o => `<option value="${escape(o.value)}">${text(o.text, ctx.people)}</option>`).join('');
      select.onchange = () => {
        const option = (el.options || []).find(o => o.value === select.value);
        if (option) ctx.onAction({type: 'static_select', action_id: el.action_id, block_id: block.block_id || 'b',
          selected_option: option});
      };
      return select;
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

  function input(block, ctx) {
    const el = block.element || {};
    const div = document.createElement('div');
    div.innerHTML = `<label>${text(block.label, ctx.people)}</label>`;
    let field;
    if (el.type === 'static_select') {
      field = document.createElement('select');
      field.innerHTML = '<option value=""></option>' + (el.options || [])
        .map(o => `<option value="${escape(o.value)}">${text(o.text, ctx.people)}</option>`).join('');
    } else {
      field = document.createElement(el.multiline ? 'textarea' : 'input');
      if (el.initial_value) field.value = el.initial_value;
      if (el.placeholder) field.placeholder = el.placeholder.text;
    }
    field.dataset.blockId = block.block_id;
    field.dataset.actionId = el.action_id;
    field.dataset.type = el.type;
    field.name = block.block_id;
    div.append(field);
    const error = ctx.errors && ctx.errors[block.block_id];
    if (error) div.insertAdjacentHTML('beforeend', `<div class="error">${escape(error)}</div>`);
    return div;
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
      else if (block.type === 'image') div.innerHTML = `<img src="${escape(block.image_url)}" alt="${escape(block.alt_text)}">`;
      else if (block.type === 'actions') (block.elements || []).forEach(e => div.append(element(e, block, ctx)));
      else if (block.type === 'input') div.append(input(block, ctx));
      root.append(div);
    }
    return root;
  }

  return {render, mrkdwn, escape};
})();
