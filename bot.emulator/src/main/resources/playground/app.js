// The playground's page: polls the local Discord's state and sends what the user does.
// Every text from Discord is put into the page as DOM text nodes, never parsed as HTML.
"use strict";
const $ = (id) => document.getElementById(id);
let state = null, channelId = null, userId = null, shownModal = null, suggestionIndex = 0;
// What the channel list and the messages were last drawn from: they are redrawn only when it changes, so
// that a selection, a hover or a click in progress survives the polling.
let renderedChannels = null, renderedMessages = null;

async function call(path, body) {
  const response = await fetch("/playground/api/" + path, body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const data = await response.json();
  // The polling reports its errors but clears none: what went wrong with the user's last action stays readable.
  if (!response.ok) $("status").textContent = data.message;
  else if (body !== undefined) $("status").textContent = "";
  return response.ok ? data : null;
}

async function refresh() {
  const next = await call("state?user=" + (userId || ""));
  if (!next) return;
  // Commands come and go with the modules that bring them: open suggestions follow.
  const commandsChanged = !state || JSON.stringify(state.commands) !== JSON.stringify(next.commands);
  state = next;
  if (commandsChanged && $("input").value.startsWith("/")) suggest();
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
  const key = JSON.stringify([channelId, state.channels.map(c => [c.id, c.name])]);
  if (key === renderedChannels) return;
  renderedChannels = key;
  $("channels").replaceChildren(...state.channels.map(c => {
    const b = document.createElement("button");
    b.className = "channel" + (c.id === channelId ? " active" : "");
    b.textContent = "# " + c.name;
    b.onclick = () => { channelId = c.id; refresh(); };
    return b;
  }));
}

function renderMessages() {
  const channel = state.channels.find(c => c.id === channelId);
  const messages = channel ? channel.messages : [];
  const key = JSON.stringify([channelId, userId, messages, state.members, state.roles]);
  if (key === renderedMessages) return;
  renderedMessages = key;
  const box = $("messages"), atBottom = box.scrollTop + box.clientHeight >= box.scrollHeight - 30;
  box.replaceChildren(...messages.map(renderMessage));
  if (atBottom) box.scrollTop = box.scrollHeight;
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function renderMessage(m) {
  const div = el("div", "message" + (m.ephemeral ? " ephemeral" : ""));
  if (m.usedBy) div.append(el("div", "used-by", m.usedBy));
  const head = el("div");
  head.append(el("span", "author" + (m.bot ? " bot" : ""), m.author));
  if (m.ephemeral) head.append(el("span", "note", "only you can see this"));
  if (m.edited) head.append(el("span", "note", "(edited)"));
  div.append(head);
  if (m.thinking) div.append(el("div", "content note", m.author + " is thinking…"));
  if (m.content) div.append(markdown("content", m.content));
  (m.embeds || []).forEach(e => div.append(renderEmbed(e)));
  (m.components || []).forEach(row => div.append(renderRow(m, row)));
  (m.attachments || []).forEach(a => div.append(el("div", "note", "📎 " + a)));
  return div;
}

function renderEmbed(e) {
  const div = el("div", "embed");
  if (e.color !== undefined) div.style.borderLeftColor = "#" + Number(e.color).toString(16).padStart(6, "0");
  if (e.author && e.author.name) div.append(el("div", "embed-author", e.author.name));
  if (e.title) {
    const title = markdown("title", e.title);
    if (safeUrl(e.url)) title.replaceChildren(link(e.url, [...title.childNodes]));
    div.append(title);
  }
  if (e.description) div.append(markdown("content", e.description));
  if (e.fields && e.fields.length) {
    const fields = el("div", "fields");
    e.fields.forEach(f => {
      const d = el("div", "field" + (f.inline ? "" : " wide"));
      d.append(markdown("name", f.name), markdown("content", f.value));
      fields.append(d);
    });
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

// Discord's markdown: code blocks, inline code, bold, underline, italics, strikethrough, spoilers,
// links, mentions and timestamps. Earlier alternatives win at the same position.
const MARKDOWN = new RegExp([
  "```(?:(?<lang>[\\w+-]+)?\\n)?(?<block>[\\s\\S]*?)```",
  "\\\\(?<escaped>[*_~`|\\\\<>\\[\\]()#@:])",
  "(?<ticks>`{1,2})(?<code>[\\s\\S]*?[^`])\\k<ticks>(?!`)",
  "\\*\\*(?<bold>[\\s\\S]+?)\\*\\*(?!\\*)",
  "__(?<underline>[\\s\\S]+?)__(?!_)",
  "\\*(?<italic>[^\\s*](?:[\\s\\S]*?[^\\s])?)\\*(?!\\*)",
  "\\b_(?<italic2>[\\s\\S]+?)_\\b",
  "~~(?<strike>[\\s\\S]+?)~~",
  "\\|\\|(?<spoiler>[\\s\\S]+?)\\|\\|",
  "\\[(?<label>[^\\]\\n]+)\\]\\(<?(?<target>https?://[^\\s)>]+)>?\\)",
  "<(?<quiet>https?://[^\\s>]+)>",
  "(?<url>https?://[^\\s<]*[^\\s<.,:;\"')\\]!?])",
  "<@!?(?<user>\\d+)>",
  "<@&(?<role>\\d+)>",
  "<#(?<channel>\\d+)>",
  "<t:(?<time>-?\\d+)(?::(?<style>[tTdDfFR]))?>",
].join("|"), "g");
const WRAPPERS = { bold: "strong", underline: "u", italic: "em", italic2: "em", strike: "s", spoiler: "span" };

function markdown(className, text) {
  const div = el("div", className);
  div.append(...inline(text));
  return div;
}

function inline(text) {
  const nodes = [];
  let at = 0;
  for (const m of text.matchAll(MARKDOWN)) {
    if (m.index > at) nodes.push(document.createTextNode(text.slice(at, m.index)));
    at = m.index + m[0].length;
    nodes.push(token(m.groups));
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

function token(g) {
  if (g.block !== undefined) {
    const pre = el("pre"), code = el("code", "", g.block.replace(/^\n/, ""));
    if (g.lang) code.dataset.lang = g.lang;
    pre.append(code);
    return pre;
  }
  if (g.escaped !== undefined) return document.createTextNode(g.escaped);
  if (g.code !== undefined) return el("code", "", g.code);
  for (const [group, tag] of Object.entries(WRAPPERS)) {
    if (g[group] !== undefined) {
      const e = el(tag, group === "spoiler" ? "spoiler" : "");
      e.append(...inline(g[group]));
      if (group === "spoiler") e.onclick = () => e.classList.add("shown");
      return e;
    }
  }
  if (g.label !== undefined) return link(g.target, inline(g.label));
  if (g.quiet !== undefined) return link(g.quiet, [document.createTextNode(g.quiet)]);
  if (g.url !== undefined) return link(g.url, [document.createTextNode(g.url)]);
  if (g.user !== undefined) return el("span", "mention", "@" + (state.members[g.user] || "unknown-user"));
  if (g.role !== undefined) return el("span", "mention", "@" + (state.roles[g.role] || "unknown-role"));
  if (g.channel !== undefined) {
    const channel = state.channels.find(c => c.id === g.channel);
    return el("span", "mention", "#" + (channel ? channel.name : "unknown-channel"));
  }
  const date = new Date(Number(g.time) * 1000), time = el("time", "timestamp", timestamp(date, g.style || "f"));
  time.dateTime = date.toISOString();
  time.title = date.toLocaleString(undefined, { dateStyle: "full", timeStyle: "long" });
  return time;
}

function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\//.test(url);
}

function link(url, children) {
  const a = el("a");
  a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer nofollow";
  a.append(...children);
  return a;
}

// <t:seconds:style> as Discord shows it, in the viewer's language and time zone.
const TIME_STYLES = {
  t: { timeStyle: "short" }, T: { timeStyle: "medium" }, d: { dateStyle: "short" }, D: { dateStyle: "long" },
  f: { dateStyle: "long", timeStyle: "short" }, F: { dateStyle: "full", timeStyle: "short" } };

function timestamp(date, style) {
  if (style !== "R") return date.toLocaleString(undefined, TIME_STYLES[style]);
  const seconds = (date.getTime() - Date.now()) / 1000;
  const units = [["year", 31536000], ["month", 2592000], ["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1]];
  const [unit, size] = units.find(([, size]) => Math.abs(seconds) >= size) || units[units.length - 1];
  return new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }).format(Math.round(seconds / size), unit);
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

// The composer: "/name [group] [subcommand] option:value option:"two words"", @user, #channel, @&role.
// Bare words name the command's groups and subcommands; `options` are those at the level reached.
function parse(text) {
  const tokens = text.slice(1).match(/(\S+?):"[^"]*"|(\S+?):\S*|\S+/g) || [];
  const command = state.commands.find(c => c.name === tokens[0]);
  const result = { name: tokens[0], command, values: {}, path: [], unknown: [], options: command ? command.options : [] };
  for (const token of tokens.slice(1)) {
    const colon = token.indexOf(":");
    if (colon >= 0) {
      result.values[token.slice(0, colon)] = value(token.slice(colon + 1).replace(/^"|"$/g, ""));
      continue;
    }
    const sub = result.options.find(o => o.name === token && (o.type === 1 || o.type === 2));
    if (sub) { result.path.push(token); result.options = sub.options || []; } else { result.unknown.push(token); }
  }
  [result.group, result.subcommand] = result.path.length === 2 ? result.path : [null, result.path[0] || null];
  return result;
}

function value(raw) {
  const user = raw.startsWith("@") && !raw.startsWith("@&") && state.users.find(u => u.name === raw.slice(1));
  if (user) return { user: user.id };
  const role = raw.startsWith("@&") && Object.entries(state.roles).find(([, name]) => name === raw.slice(2));
  if (role) return { role: role[0] };
  const channel = raw.startsWith("#") && state.channels.find(c => c.name === raw.slice(1));
  if (channel) return { channel: channel.id };
  if (raw === "true" || raw === "false") return raw === "true";
  if (/^-?\d+$/.test(raw)) return Number(raw);
  if (/^-?\d+\.\d+$/.test(raw)) return Number(raw);
  return raw;
}

let autocompleteTimer = null;
function suggest() {
  const text = $("input").value;
  clearTimeout(autocompleteTimer);
  if (!text.startsWith("/") || !state) { show([]); return; }
  const last = text.split(" ").pop(), before = text.slice(0, text.length - last.length), items = [];
  if (!text.includes(" ")) {
    state.commands.filter(c => c.name.startsWith(text.slice(1))).forEach(c =>
      items.push({ label: "/" + c.name, hint: c.description, apply: "/" + c.name + " " }));
    show(items);
    return;
  }
  // What is being typed is the last word; what comes before it says where in the command we are.
  const parsed = parse(before);
  if (!parsed.command) { show([]); return; }
  const colon = last.indexOf(":");
  if (colon < 0) {
    parsed.options.filter(o => o.name.startsWith(last) && !(o.name in parsed.values)).forEach(o => {
      const nested = o.type === 1 || o.type === 2;
      items.push({ label: o.name + (nested ? "" : ":"), hint: (o.required ? "required · " : "") + (o.description || ""),
        apply: before + o.name + (nested ? " " : ":") });
    });
    show(items);
    return;
  }
  const option = parsed.options.find(o => o.name === last.slice(0, colon)), typed = last.slice(colon + 1);
  const choose = (choices) => choices.map(ch => ({ label: ch.name, hint: "", apply: before + option.name + ":" + ch.value + " " }));
  const matches = (ch) => String(ch.name).toLowerCase().startsWith(typed.toLowerCase()) || String(ch.value).startsWith(typed);
  show(option && option.choices ? choose(option.choices.filter(matches)) : []);
  if (option && option.autocomplete) {
    autocompleteTimer = setTimeout(async () => {
      const answer = await call("autocomplete", { user: userId, channel: channelId, name: parsed.name,
        subcommand: parsed.subcommand, group: parsed.group, options: parsed.values, focused: option.name, partial: typed });
      // The user may have typed on while the bot was answering: its choices would be for other text.
      if (answer && $("input").value === text) show(choose(answer.choices));
    }, 250);
  }
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
  if (event.key === "Escape") { show([]); return; }
  if (event.key !== "Enter") return;
  const text = $("input").value.trim();
  if (!text) return;
  show([]);
  if (text.startsWith("/")) {
    const parsed = parse(text);
    if (!parsed.command) { $("status").textContent = "No command /" + parsed.name; return; }
    if (parsed.unknown.length) { $("status").textContent = "/" + parsed.name + " has no subcommand " + parsed.unknown[0]; return; }
    await act("command", { name: parsed.name, subcommand: parsed.subcommand, group: parsed.group, options: parsed.values });
  } else {
    await act("post", { content: text });
  }
  $("input").value = "";
});
$("user").onchange = () => { userId = $("user").value; refresh(); };
$("modal-cancel").onclick = () => $("modal").close();
refresh();
setInterval(refresh, 700);
