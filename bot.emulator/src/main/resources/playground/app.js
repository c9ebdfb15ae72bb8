// The playground's page: polls the local Discord's state and sends what the user does.
"use strict";
const $ = (id) => document.getElementById(id);
let state = null, channelId = null, userId = null, shownModal = null, suggestionIndex = 0;

async function call(path, body) {
  const response = await fetch("/playground/api/" + path, body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const data = await response.json();
  $("status").textContent = response.ok ? "" : data.message;
  return response.ok ? data : null;
}

async function refresh() {
  const next = await call("state?user=" + (userId || ""));
  if (!next) return;
  state = next;
  $("guild").textContent = state.guild.name;
  if (!userId && state.users.length) userId = state.users[state.users.length - 1].id;
  if (!channelId && state.channels.length) channelId = state.channels[0].id;
  renderUsers(); renderChannels(); renderMessages(); showModal();
}

function renderUsers() {
  const select = $("user");
  if (select.options.length === state.users.length) return;
  select.replaceChildren(...state.users.map(u => new Option(u.name, u.id, false, u.id === userId)));
}

function renderChannels() {
  $("channels").replaceChildren(...state.channels.map(c => {
    const b = document.createElement("button");
    b.className = "channel" + (c.id === channelId ? " active" : "");
    b.textContent = "# " + c.name;
    b.onclick = () => { channelId = c.id; refresh(); };
    return b;
  }));
}

function renderMessages() {
  const box = $("messages"), atBottom = box.scrollTop + box.clientHeight >= box.scrollHeight - 30;
  const channel = state.channels.find(c => c.id === channelId);
  box.replaceChildren(...(channel ? channel.messages : []).map(renderMessage));
  if (atBottom) box.scrollTop = box.scrollHeight;
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function renderMessage(m) {
  const div = el("div", "message");
  const head = el("div");
  head.append(el("span", "author" + (m.bot ? " bot" : ""), m.author));
  if (m.ephemeral) head.append(el("span", "note", "only you can see this"));
  if (m.edited) head.append(el("span", "note", "(edited)"));
  div.append(head);
  if (m.thinking) div.append(el("div", "content note", m.author + " is thinking…"));
  if (m.content) div.append(el("div", "content", m.content));
  (m.embeds || []).forEach(e => div.append(renderEmbed(e)));
  (m.components || []).forEach(row => div.append(renderRow(m, row)));
  (m.attachments || []).forEach(a => div.append(el("div", "note", "📎 " + a)));
  return div;
}

function renderEmbed(e) {
  const div = el("div", "embed");
  if (e.color !== undefined) div.style.borderLeftColor = "#" + Number(e.color).toString(16).padStart(6, "0");
  if (e.title) div.append(el("div", "title", e.title));
  if (e.description) div.append(el("div", "content", e.description));
  if (e.fields && e.fields.length) {
    const fields = el("div", "fields");
    e.fields.forEach(f => { const d = el("div", "field" + (f.inline ? "" : " wide")); d.append(el("b", "", f.name), el("div", "content", f.value)); fields.append(d); });
    div.append(fields);
  }
  if (e.footer && e.footer.text) div.append(el("div", "footer", e.footer.text));
  return div;
}

function renderRow(message, row) {
  const div = el("div", "row");
  (row.components || [row]).forEach(c => {
    if (c.type === 2) {
      const b = el("button", "style-" + (c.style || 2), c.label || c.emoji?.name || "?");
      b.disabled = !!c.disabled || c.style === 5;
      b.onclick = () => act("click", { message: message.id, customId: c.custom_id });
      div.append(b);
    } else if (c.type === 3) {
      const s = el("select");
      s.append(new Option(c.placeholder || "Choose…", ""));
      (c.options || []).forEach(o => s.append(new Option(o.label, o.value)));
      s.onchange = () => act("click", { message: message.id, customId: c.custom_id, values: [s.value] });
      div.append(s);
    }
  });
  return div;
}

async function act(action, body) {
  await call(action, Object.assign({ user: userId, channel: channelId }, body));
  refresh();
}

function showModal() {
  const latest = state.modals[0];
  if (!latest || shownModal === latest.interaction) return;
  shownModal = latest.interaction;
  const modal = latest.modal, fields = $("modal-fields");
  $("modal-title").textContent = modal.title;
  fields.replaceChildren();
  const inputs = [];
  const collect = (c, label) => {
    if (c.type === 1 || c.type === 18) { (c.components || [c.component]).forEach(x => collect(x, c.label || label)); return; }
    if (c.type !== 4) return;
    fields.append(el("label", "", label || c.label || c.custom_id));
    const input = el(c.style === 2 ? "textarea" : "input");
    input.name = c.custom_id; input.required = c.required !== false; input.value = c.value || "";
    if (c.max_length) input.maxLength = c.max_length;
    fields.append(input); inputs.push(input);
  };
  (modal.components || []).forEach(c => collect(c));
  $("modal-form").onsubmit = () => {
    const values = {};
    inputs.forEach(i => values[i.name] = i.value);
    act("modal", { interaction: latest.interaction, modalId: modal.customId || modal.custom_id, values });
  };
  $("modal").showModal();
}

// The composer: "/name [subcommand] option:value option:"two words"", @user, #channel, @&role.
function parse(text) {
  const tokens = text.slice(1).match(/(\S+?):"[^"]*"|(\S+?):\S*|\S+/g) || [];
  const command = state.commands.find(c => c.name === tokens[0]);
  const result = { name: tokens[0], options: {}, command };
  for (const token of tokens.slice(1)) {
    const colon = token.indexOf(":");
    if (colon < 0) { if (result.subcommand) { result.group = result.subcommand; } result.subcommand = token; continue; }
    result.options[token.slice(0, colon)] = value(token.slice(colon + 1).replace(/^"|"$/g, ""));
  }
  return result;
}

function value(raw) {
  const user = raw.startsWith("@") && !raw.startsWith("@&") && state.users.find(u => u.name === raw.slice(1));
  if (user) return { user: user.id };
  const channel = raw.startsWith("#") && state.channels.find(c => c.name === raw.slice(1));
  if (channel) return { channel: channel.id };
  if (raw === "true" || raw === "false") return raw === "true";
  if (/^-?\d+$/.test(raw)) return Number(raw);
  if (/^-?\d+\.\d+$/.test(raw)) return Number(raw);
  return raw;
}

function optionsOf(parsed) {
  let options = parsed.command ? parsed.command.options : [];
  for (const name of [parsed.group, parsed.subcommand].filter(Boolean)) {
    const sub = options.find(o => o.name === name && (o.type === 1 || o.type === 2));
    options = sub ? sub.options || [] : [];
  }
  return options;
}

let autocompleteTimer = null;
function suggest() {
  const text = $("input").value, box = $("suggestions");
  if (!text.startsWith("/") || !state) { box.hidden = true; return; }
  const parsed = parse(text), items = [];
  if (!text.includes(" ")) {
    state.commands.filter(c => c.name.startsWith(text.slice(1))).forEach(c =>
      items.push({ label: "/" + c.name, hint: c.description, apply: "/" + c.name + " " }));
  } else if (parsed.command) {
    const last = text.split(" ").pop(), colon = last.indexOf(":");
    const options = optionsOf(parsed);
    if (colon < 0) {
      options.filter(o => o.name.startsWith(last)).forEach(o => items.push({ label: o.name + (o.type <= 2 ? "" : ":"),
        hint: (o.required ? "required · " : "") + (o.description || ""), apply: text.slice(0, text.length - last.length) + o.name + (o.type <= 2 ? " " : ":") }));
    } else {
      const option = options.find(o => o.name === last.slice(0, colon));
      (option && option.choices || []).forEach(ch => items.push({ label: ch.name, hint: "", apply: text.slice(0, text.length - last.length + colon + 1) + ch.value + " " }));
      if (option && option.autocomplete) {
        clearTimeout(autocompleteTimer);
        autocompleteTimer = setTimeout(async () => {
          const body = { user: userId, channel: channelId, name: parsed.name, subcommand: parsed.subcommand, group: parsed.group,
            options: Object.fromEntries(Object.entries(parsed.options).filter(([k]) => k !== option.name)), focused: option.name, partial: last.slice(colon + 1) };
          const answer = await call("autocomplete", body);
          if (answer) show(answer.choices.map(ch => ({ label: ch.name, hint: "", apply: text.slice(0, text.length - last.length + colon + 1) + ch.value + " " })));
        }, 250);
      }
    }
  }
  show(items);
}

function show(items) {
  const box = $("suggestions");
  suggestionIndex = 0;
  box.replaceChildren(...items.slice(0, 25).map((item, i) => {
    const d = el("div", i === 0 ? "active" : "", item.label);
    if (item.hint) d.append(el("small", "", item.hint));
    d.onclick = () => { $("input").value = item.apply; $("input").focus(); suggest(); };
    d.dataset.apply = item.apply;
    return d;
  }));
  box.hidden = items.length === 0;
}

$("input").addEventListener("input", suggest);
$("input").addEventListener("keydown", async (event) => {
  const box = $("suggestions"), items = [...box.children];
  if (!box.hidden && items.length && (event.key === "Tab" || event.key === "ArrowDown" || event.key === "ArrowUp")) {
    event.preventDefault();
    if (event.key === "Tab") { $("input").value = items[suggestionIndex].dataset.apply; suggest(); return; }
    items[suggestionIndex].className = "";
    suggestionIndex = (suggestionIndex + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
    items[suggestionIndex].className = "active";
    return;
  }
  if (event.key !== "Enter") return;
  const text = $("input").value.trim();
  if (!text) return;
  $("suggestions").hidden = true;
  if (text.startsWith("/")) {
    const parsed = parse(text);
    if (!parsed.command) { $("status").textContent = "No command /" + parsed.name; return; }
    await act("command", { name: parsed.name, subcommand: parsed.subcommand || null, group: parsed.group || null, options: parsed.options });
  } else {
    await act("post", { content: text });
  }
  $("input").value = "";
});
$("user").onchange = () => { userId = $("user").value; refresh(); };
$("modal-cancel").onclick = () => $("modal").close();
refresh();
setInterval(refresh, 700);
