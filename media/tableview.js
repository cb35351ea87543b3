// The table view's webview (client/src/tableview/panel.ts sends it the data). Builds the
// grids once per report shape and then updates only the cells a patch names. No innerHTML:
// every text goes in as a text node.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  const tip = /** @type {HTMLElement} */ (document.getElementById('tip'));
  /** @type {any} */ let data;
  /** @type {Map<string, HTMLElement>} */ const elements = new Map();
  /** @type {Map<string, string>} */ const hovers = new Map();
  let tipKey = '';

  const ICON = { error: '✖', warning: '▲', information: 'ℹ', hint: '•' };
  const RANK = { error: 0, warning: 1, information: 2, hint: 3 };

  /** @param {string} tag @param {string} [cls] @param {string} [text] */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function render() {
    const t0 = performance.now();
    elements.clear();
    hovers.clear();
    root.replaceChildren();
    if (!data.reports.length) root.append(el('p', 'note', data.labels.noReport));
    data.reports.forEach((/** @type {any} */ report, /** @type {number} */ ri) => {
      const year = report.year === null ? data.labels.yearUnknown : data.labels.year.replace('{year}', String(report.year));
      root.append(el('p', 'meta', `${data.labels.template.replace('{gen}', report.template)} · ${year}`));
      for (const t of report.tables) root.append(table(t, ri));
    });
    // One tab stop per table (the arrow keys move within it).
    for (const grid of root.querySelectorAll('table')) grid.querySelector('td[data-key]')?.setAttribute('tabindex', '0');
    return performance.now() - t0;
  }

  /** @param {any} t @param {number} ri */
  function table(t, ri) {
    const section = el('section', 'table');
    const id = `t-${ri}-${t.id}`;
    const h = el('h2', '', t.title);
    h.id = id;
    section.append(h);
    if (t.absent) section.append(el('p', 'note absent', `⚠ ${data.labels.absent}`));
    const grid = el('table');
    grid.setAttribute('role', 'grid');
    grid.setAttribute('aria-labelledby', id);
    const thead = el('thead');
    const tbody = el('tbody');
    for (const row of t.rows) {
      const tr = el('tr', `row-${row.kind}`);
      for (const c of row.cells) {
        if (c.kind === 'label') {
          const th = el('th', c.header ? 'head' : row.kind === 'data' ? 'label' : row.kind, c.text);
          if (c.colspan) th.setAttribute('colspan', String(c.colspan));
          if (c.rowspan) th.setAttribute('rowspan', String(c.rowspan));
          th.setAttribute('scope', c.header ? 'col' : 'row');
          tr.append(th);
        } else {
          const td = el('td');
          td.dataset.key = c.key;
          td.setAttribute('tabindex', '-1');
          td.setAttribute('role', 'gridcell');
          elements.set(c.key, td);
          fill(td, data.cells[c.key]);
          tr.append(td);
        }
      }
      (row.kind === 'header' ? thead : tbody).append(tr);
    }
    grid.append(thead, tbody);
    section.append(grid);
    return section;
  }

  /** Writes a cell's state into its element: value, class, marker, accessible name. @param {HTMLElement} td @param {any} cell */
  function fill(td, cell) {
    const findings = (cell.findings || []).slice().sort((/** @type {any} */ a, /** @type {any} */ b) => RANK[a.severity] - RANK[b.severity]);
    const primary = findings.filter((/** @type {any} */ f) => f.primary);
    const classes = ['cell', `s-${cell.state}`];
    if (cell.total) classes.push('total');
    if (primary.length) classes.push('marked', `f-${primary[0].severity}`);
    else if (findings.length) classes.push('involved');
    td.className = classes.join(' ');
    td.replaceChildren();
    if (primary.length) {
      const icon = el('span', 'icon', ICON[primary[0].severity] || '•');
      icon.setAttribute('aria-hidden', 'true');
      td.append(icon);
    }
    const shown = cell.state === 'blank' ? data.labels.blank : cell.state === 'unread' ? data.labels.unread : cell.text;
    td.append(el('span', 'value', shown));
    const said = [cell.name, shown, ...(cell.total ? [data.labels.total] : []), ...findings.map((/** @type {any} */ f) => f.message)];
    td.setAttribute('aria-label', said.join('；'));
    hovers.delete(td.dataset.key || '');
    if (tipKey === td.dataset.key) showTip(td);
  }

  // ── tooltip: the findings, then the server's hover (a total's formula and addends) ──
  /** A hover's Markdown as plain lines: tables as 「label  value」, emphasis and escapes dropped. @param {string} md */
  function plain(md) {
    const out = [];
    for (const raw of md.split('\n')) {
      let line = raw.trim();
      if (/^\|[\s|:-]*\|$/.test(line)) continue; // table rule or empty row
      if (line === '---') { out.push('────'); continue; }
      if (line.startsWith('|')) line = line.slice(1, -1).split(/(?<!\\)\|/).map(s => s.trim()).filter(Boolean).join('    ');
      line = line.replace(/\*\*|__/g, '').replace(/\\([\\|*_`[\]<>])/g, '$1').replace(/^_(.*)_$/, '$1');
      out.push(line);
    }
    return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  }

  /** @param {HTMLElement} td */
  function showTip(td) {
    const key = td.dataset.key || '';
    const cell = data.cells[key];
    if (!cell) return;
    tipKey = key;
    tip.replaceChildren();
    tip.append(el('div', 'tip-name', cell.name));
    for (const f of cell.findings || []) {
      const line = el('div', `tip-finding f-${f.severity}`);
      line.append(el('span', 'icon', ICON[f.severity] || '•'), el('span', '', ` ${f.message}`));
      tip.append(line);
    }
    const hover = hovers.get(key);
    if (hover) tip.append(el('pre', 'tip-hover', hover));
    else if (hover === undefined) vscode.postMessage({ type: 'hover', key });
    tip.append(el('div', 'tip-hint', data.labels.source));
    tip.hidden = false;
    const r = td.getBoundingClientRect();
    const w = Math.min(520, window.innerWidth - 16);
    tip.style.maxWidth = `${w}px`;
    tip.style.left = `${Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - w - 8))}px`;
    // Below the cell, or above it when there is more room there.
    const below = window.innerHeight - r.bottom;
    tip.style.top = below >= tip.offsetHeight + 8 || below >= r.top ? `${r.bottom + window.scrollY + 4}px` : `${Math.max(window.scrollY + 4, r.top + window.scrollY - tip.offsetHeight - 4)}px`;
    td.setAttribute('aria-describedby', 'tip');
  }

  function hideTip() {
    tip.hidden = true;
    const td = elements.get(tipKey);
    if (td) td.removeAttribute('aria-describedby');
    tipKey = '';
  }

  // ── keyboard: arrows move between value cells, Enter/Space selects the cell in the source ──
  /** @param {HTMLElement} td @param {number} dRow @param {number} dCol */
  function move(td, dRow, dCol) {
    const grid = td.closest('table');
    if (!grid) return;
    const rows = Array.from(grid.querySelectorAll('tbody tr')).map(tr => Array.from(tr.querySelectorAll('td[data-key]'))).filter(r => r.length);
    let r = rows.findIndex(cells => cells.includes(td));
    let c = rows[r].indexOf(td);
    if (dRow) { r = Math.max(0, Math.min(rows.length - 1, r + dRow)); c = Math.min(c, rows[r].length - 1); }
    if (dCol === -Infinity) c = 0; else if (dCol === Infinity) c = rows[r].length - 1; else c = Math.max(0, Math.min(rows[r].length - 1, c + dCol));
    focus(/** @type {HTMLElement} */ (rows[r][c]));
  }

  /** @param {HTMLElement} td */
  function focus(td) {
    for (const e of (td.closest('table') || root).querySelectorAll('td[tabindex="0"]')) e.setAttribute('tabindex', '-1');
    td.setAttribute('tabindex', '0');
    td.focus();
  }

  root.addEventListener('keydown', e => {
    const td = /** @type {HTMLElement} */ (e.target);
    if (!td.dataset?.key) return;
    const keys = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Home: [0, -Infinity], End: [0, Infinity] };
    if (e.key in keys) { e.preventDefault(); move(td, keys[e.key][0], keys[e.key][1]); }
    else if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); vscode.postMessage({ type: 'reveal', key: td.dataset.key }); }
    else if (e.key === 'Escape') hideTip();
  });
  root.addEventListener('click', e => {
    const td = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (e.target).closest('td[data-key]'));
    if (!td) return;
    focus(td);
    vscode.postMessage({ type: 'reveal', key: td.dataset.key });
  });
  root.addEventListener('mouseover', e => {
    const td = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (e.target).closest('td[data-key]'));
    if (td && td.dataset.key !== tipKey) showTip(td);
  });
  root.addEventListener('mouseleave', hideTip);
  root.addEventListener('focusin', e => { const td = /** @type {HTMLElement} */ (e.target); if (td.dataset?.key) showTip(td); });
  root.addEventListener('focusout', hideTip);

  window.addEventListener('message', ({ data: m }) => {
    switch (m.type) {
      case 'full': {
        data = m.data;
        const ms = render();
        vscode.postMessage({ type: 'applied', ms });
        break;
      }
      case 'patch': {
        if (!data || data.uri !== m.uri) break;
        const t0 = performance.now();
        for (const [key, cell] of Object.entries(m.cells)) {
          data.cells[key] = cell;
          const td = elements.get(key);
          if (td) fill(td, cell);
        }
        vscode.postMessage({ type: 'applied', ms: performance.now() - t0 });
        break;
      }
      case 'hover': {
        hovers.set(m.key, plain(m.markdown || ''));
        const td = elements.get(m.key);
        if (td && tipKey === m.key) showTip(td);
        break;
      }
      case 'probe': {
        const marked = Array.from(root.querySelectorAll('td.marked')).map(td => ({
          key: /** @type {HTMLElement} */ (td).dataset.key,
          severity: (/f-(\w+)/.exec(td.className) || [])[1],
          label: td.getAttribute('aria-label'),
        }));
        /** @type {Record<string, number>} */ const states = {};
        for (const td of root.querySelectorAll('td[data-key]')) {
          const s = (/s-(\w+)/.exec(td.className) || [])[1];
          states[s] = (states[s] || 0) + 1;
        }
        vscode.postMessage({ type: 'answer', id: m.id, value: {
          uri: data && data.uri, marked, states,
          tables: Array.from(root.querySelectorAll('h2')).map(h => h.textContent),
          headerCells: root.querySelectorAll('th.head').length,
        } });
        break;
      }
      case 'focus': {
        const td = elements.get(m.key);
        if (td) focus(td);
        vscode.postMessage({ type: 'answer', id: m.id, value: !!td });
        break;
      }
      case 'press': {
        // A key pressed on a cell, as the keyboard would: focus it, dispatch the keydown.
        const td = elements.get(m.key);
        if (td) { focus(td); td.dispatchEvent(new KeyboardEvent('keydown', { key: m.name, bubbles: true, cancelable: true })); }
        const active = /** @type {HTMLElement | null} */ (document.activeElement);
        vscode.postMessage({ type: 'answer', id: m.id, value: active?.dataset?.key ?? null });
        break;
      }
      case 'click': {
        const td = elements.get(m.key);
        if (td) td.click();
        vscode.postMessage({ type: 'answer', id: m.id, value: !!td });
        break;
      }
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
