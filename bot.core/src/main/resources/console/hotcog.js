// The console's Hotcog tab: renders data.json and calls the plugin's actions, under the console login.
(function () {
  'use strict';
  // From the origin, which never holds credentials: fetch refuses URLs that do (user:password@host).
  const root = window.location.origin + window.location.pathname.replace(/\/+$/, '');
  const status = document.getElementById('hotcog-status');

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function row(cells) {
    const tr = el('tr');
    cells.forEach(function (cell) {
      const td = el('td');
      if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell === null ? '' : String(cell);
      tr.appendChild(td);
    });
    return tr;
  }

  // An instant as the server writes it (2026-11-24T15:21:33.877962Z), to the second, in UTC as the headers say.
  function time(instant) {
    return instant ? instant.replace('T', ' ').replace(/(\.\d+)?Z$/, '') : '';
  }

  function say(text, ok) {
    status.textContent = text;
    status.className = ok ? 'ok' : 'error';
  }

  async function act(path, body, type) {
    const headers = { 'X-Hotcog-Console': '1' };
    if (type) headers['Content-Type'] = type;
    const response = await fetch(root + '/' + path, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' });
    const answer = await response.json().catch(function () { return {}; });
    if (!response.ok) throw new Error(answer.message || ('HTTP ' + response.status));
    return answer;
  }

  // What the status line says once an operation is done, from the module as it is afterwards.
  const DONE = { start: 'Started', stop: 'Stopped', reload: 'Reloaded', rollback: 'Rolled back', update: 'Updated',
    install: 'Installed', uninstall: 'Uninstalled' };
  // OSGi's bundle states in an operator's words: a resolved bundle is one that is stopped.
  const STATES = { ACTIVE: 'active', RESOLVED: 'stopped', INSTALLED: 'not resolved', STARTING: 'starting',
    STOPPING: 'stopping', UNINSTALLED: 'uninstalled' };

  function stateWord(state) {
    return STATES[state] || state.toLowerCase();
  }

  function done(operation, subject, after) {
    if (!after.version) return DONE[operation] + ' ' + subject + '.';
    const expected = operation === 'stop' ? 'RESOLVED' : 'ACTIVE';
    return DONE[operation] + ' ' + (after.module || after.symbolicName)
      + (operation === 'update' || operation === 'rollback' ? ' to ' : ' ') + after.version
      + (after.state === expected ? '.' : ', which is ' + stateWord(after.state) + '.');
  }

  // A button that posts an action; `label` is what it shows, `doing` what the status line says meanwhile.
  function button(label, path, doing, whenDone, confirmText) {
    const b = el('button', label);
    b.type = 'button';
    b.dataset.action = path;
    b.addEventListener('click', async function () {
      if (confirmText && !window.confirm(confirmText)) return;
      b.disabled = true;
      say(doing + '…', true);
      try {
        say(whenDone(await act(path)), true);
      } catch (e) {
        say(doing + ' failed: ' + e.message, false);
      }
      await refresh();
    });
    return b;
  }

  function moduleButton(operation, label, detail, confirmText) {
    const m = detail.module;
    const name = m.module || m.symbolicName;
    return button(label, 'modules/' + m.id + '/' + operation, label + ' ' + name,
      function (after) { return done(operation, name, after); }, confirmText);
  }

  // A hidden file input in a label that looks like a button: choosing a jar uploads it at once.
  function updateButton(detail) {
    const m = detail.module;
    const name = m.module || m.symbolicName;
    const input = el('input');
    input.type = 'file';
    input.accept = '.jar';
    input.addEventListener('change', function () {
      upload(input, 'update', 'Update ' + name + ' with', 'modules/' + m.id + '/update');
    });
    const label = el('label', 'Update…', 'upload');
    label.title = 'Update ' + name + ' with a new jar; the running version is kept for a rollback';
    label.appendChild(input);
    return label;
  }

  async function upload(input, operation, label, path) {
    if (!input.files.length) return;
    say(label + ' ' + input.files[0].name + '…', true);
    try {
      say(done(operation, input.files[0].name, await act(path, input.files[0], 'application/java-archive')), true);
    } catch (e) {
      say(label + ' ' + input.files[0].name + ' failed: ' + e.message, false);
    }
    input.value = '';
    await refresh();
  }

  function renderModules(modules, core) {
    const body = document.querySelector('#hotcog-modules tbody');
    body.replaceChildren();
    modules.forEach(function (detail) {
      const m = detail.module;
      const name = el('div');
      name.appendChild(el('strong', m.module || m.symbolicName));
      name.appendChild(el('div', m.symbolicName + ' (id ' + m.id + ')', 'small'));
      detail.problems.forEach(function (p) { name.appendChild(el('div', p, 'problem')); });
      const version = el('div', m.version);
      if (detail.previousVersion) version.appendChild(el('div', 'previous ' + detail.previousVersion, 'small'));
      const actions = el('div', null, 'actions');
      if (m.state === 'ACTIVE') {
        actions.appendChild(moduleButton('stop', 'Stop', detail));
        actions.appendChild(moduleButton('reload', 'Reload', detail));
      } else {
        actions.appendChild(moduleButton('start', 'Start', detail));
      }
      if (detail.previousVersion) {
        actions.appendChild(moduleButton('rollback', 'Rollback', detail,
          'Go back to version ' + detail.previousVersion + '?'));
      }
      actions.appendChild(moduleButton('uninstall', 'Uninstall', detail,
        'Uninstall ' + (m.module || m.symbolicName) + '?'));
      actions.appendChild(updateButton(detail));
      const state = el('span', stateWord(m.state), 'state-' + m.state);
      state.title = 'OSGi state ' + m.state;
      const rest = el('div', detail.restPaths.join('\n'), 'lines');
      const tr = row([name, version, state, detail.commands.join(' '), rest, actions]);
      tr.dataset.module = m.module || m.symbolicName;
      body.appendChild(tr);
    });
    if (!modules.length) body.appendChild(row(['No modules are installed.', '', '', '', '', '']));
    document.getElementById('hotcog-core').textContent =
      core.map(function (c) { return c.symbolicName + ' ' + c.version; }).join(', ');
  }

  function renderGuilds(guilds) {
    const body = document.querySelector('#hotcog-guilds tbody');
    body.replaceChildren();
    guilds.forEach(function (g) { body.appendChild(row([g.name, g.id, g.members, g.shard])); });
    if (!guilds.length) body.appendChild(row(['Not connected to any guild.', '', '', '']));
  }

  function renderTokens(tokens) {
    const body = document.querySelector('#hotcog-tokens tbody');
    body.replaceChildren();
    tokens.forEach(function (t) {
      const revoke = t.revokedAt ? el('span', 'revoked ' + time(t.revokedAt), 'small')
        : button('Revoke', 'tokens/' + t.id + '/revoke', 'Revoke token ' + t.name,
          function () { return 'Revoked token ' + t.name + '.'; }, 'Revoke the token "' + t.name + '"?');
      body.appendChild(row([t.name, t.id, t.role,
        t.guildIds.length ? t.guildIds.join(', ') : 'all', t.rateLimit || 'default', time(t.createdAt), revoke]));
    });
  }

  function renderAudit(entries) {
    const body = document.querySelector('#hotcog-audit tbody');
    body.replaceChildren();
    entries.forEach(function (a) { body.appendChild(row([time(a.at), a.actor, a.action, a.result, a.detail])); });
  }

  // A few lines of the Prometheus text, summed for people: interactions by outcome, ping, pool.
  async function refreshMetrics() {
    const response = await fetch(root + '/metrics.txt', { credentials: 'same-origin' });
    if (!response.ok) return;
    const sums = {};
    (await response.text()).split('\n').forEach(function (line) {
      const m = /^(hotcog_interactions_total)\{.*outcome="(\w+)".*\} (\d+)/.exec(line);
      if (m) sums['Interactions ' + m[2].toLowerCase()] = (sums['Interactions ' + m[2].toLowerCase()] || 0) + Number(m[3]);
      const ping = /^hotcog_gateway_ping_seconds\{shard="(\d+)"\} ([\d.eE-]+)/.exec(line);
      if (ping) sums['Gateway ping, shard ' + ping[1]] = Math.round(Number(ping[2]) * 1000) + ' ms';
      const pool = /^hotcog_db_pool_connections\{state="(\w+)"\} (\d+)/.exec(line);
      if (pool) sums['Database connections ' + pool[1]] = pool[2];
      const heap = /^hotcog_jvm_heap_used_bytes (\d+)/.exec(line);
      if (heap) sums['Heap used'] = Math.round(Number(heap[1]) / 1048576) + ' MB';
    });
    const body = document.querySelector('#hotcog-metrics tbody');
    body.replaceChildren();
    Object.keys(sums).sort().forEach(function (k) { body.appendChild(row([k, sums[k]])); });
  }

  async function refresh() {
    try {
      const response = await fetch(root + '/data.json', { credentials: 'same-origin' });
      const data = await response.json();
      if (!response.ok) throw new Error(data.message || ('HTTP ' + response.status));
      renderModules(data.modules, data.core);
      renderGuilds(data.guilds);
      renderTokens(data.tokens);
      renderAudit(data.audit);
    } catch (e) {
      say('Could not load: ' + e.message, false);
    }
  }

  document.getElementById('hotcog-install').addEventListener('change', function (event) {
    upload(event.target, 'install', 'Install', 'modules');
  });

  document.getElementById('hotcog-new-token').addEventListener('submit', async function (event) {
    event.preventDefault();
    const form = event.target;
    const guilds = form.guilds.value.trim();
    const body = {
      name: form.name.value,
      role: form.role.value,
      // Discord ids have more digits than a JavaScript number keeps exactly: they go as text.
      guilds: guilds ? guilds.split(/\s*,\s*/) : null,
      rateLimit: form.rateLimit.value ? Number(form.rateLimit.value) : null
    };
    try {
      const created = await act('tokens', JSON.stringify(body), 'application/json');
      const secret = document.getElementById('hotcog-secret');
      secret.replaceChildren(el('span', 'Token "' + created.token.name + '" — copy it now, it is not shown again: '),
        el('code', created.secret, 'secret'));
      form.reset();
      say('Token ' + created.token.name + ' created.', true);
    } catch (e) {
      say('Creating the token failed: ' + e.message, false);
    }
    await refresh();
  });

  refresh();
  refreshMetrics();
  window.setInterval(refreshMetrics, 2000);
  window.setInterval(refresh, 10000);
})();
