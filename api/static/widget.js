/* Welkom chat widget. Embed with:
 *   <script src="https://HOST/widget.js" data-site="SITE" data-locale="auto" defer></script>
 * A custom element with its own shadow DOM; no framework, no cookies (localStorage only).
 * Message text is only ever inserted as text nodes: never innerHTML. */
(() => {
  "use strict";
  if (customElements.get("welkom-chat")) return;
  const script = document.currentScript;
  const API = script ? new URL(script.src, location.href).origin : location.origin;
  const SUPPORTED = ["en", "nl", "es", "pt", "tr", "zh", "hi", "ar", "ru", "uk"];
  const POLL_MS = 3000;

  const CSS = `
:host { all: initial; --c: #0b5394; font-family: system-ui, -apple-system, "Segoe UI", sans-serif;
  font-size: 16px; line-height: 1.45; color: #1a1a1a; }
*, *::before, *::after { box-sizing: border-box; }
button, input, select, textarea { font: inherit; }
.launcher { position: fixed; inset-block-end: 20px; inset-inline-end: 20px; z-index: 2147483000;
  border: 0; border-radius: 28px; background: var(--c); color: #fff; padding: 14px 20px;
  box-shadow: 0 4px 14px rgba(0,0,0,.3); cursor: pointer; font-weight: 600; }
.badge { display: inline-block; min-width: 1.4em; margin-inline-start: 8px; padding: 0 6px;
  border-radius: 10px; background: #fff; color: #8a0000; font-size: .85em; }
.badge[hidden] { display: none; }
.panel { position: fixed; inset-block-end: 90px; inset-inline-end: 20px; z-index: 2147483001;
  width: min(400px, calc(100vw - 40px)); height: min(640px, calc(100vh - 120px)); display: flex;
  flex-direction: column; background: #fff; border-radius: 12px; overflow: hidden;
  box-shadow: 0 8px 30px rgba(0,0,0,.35); transition: opacity .15s ease; }
.panel[hidden] { display: none; }
@media (max-width: 600px) { .panel { inset: 0; width: 100vw; height: 100vh; border-radius: 0; } }
@media (prefers-reduced-motion: reduce) { .panel, .dots span { transition: none; animation: none; } }
header { background: var(--c); color: #fff; padding: 10px 12px; }
.top, .tools { display: flex; gap: 8px; align-items: center; }
.tools { margin-top: 6px; justify-content: flex-end; }
header img { width: 32px; height: 32px; }
.titles { flex: 1; min-width: 8em; }
h2 { margin: 0; font-size: 1.05em; }
.sub { margin: 0; font-size: .8em; }
header select, header button { background: #fff; color: #1a1a1a; border: 0; border-radius: 6px;
  padding: 4px 8px; cursor: pointer; }
.menu { background: #f2f4f7; padding: 8px 12px; display: flex; flex-direction: column; gap: 6px; }
.menu[hidden] { display: none; }
.menu button, .menu a { text-align: start; background: none; border: 0; color: #0b3d75;
  text-decoration: underline; cursor: pointer; padding: 2px 0; }
.state { background: #fff4ce; color: #1a1a1a; padding: 6px 12px; font-size: .9em; }
.state[hidden] { display: none; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 10px; }
.msg { max-width: 88%; padding: 8px 12px; border-radius: 12px; overflow-wrap: anywhere; }
.msg p { margin: 0 0 .5em; } .msg p:last-child { margin-bottom: 0; }
.msg ol, .msg ul { margin: .3em 0; padding-inline-start: 1.4em; }
.user { align-self: flex-end; background: var(--c); color: #fff; white-space: pre-wrap; }
.bot { align-self: flex-start; background: #eef1f5; }
.staff { align-self: flex-start; background: #e6f4ea; border: 1px solid #1e7b34; }
.who { display: block; font-size: .75em; font-weight: 600; color: #3d3d3d; }
.msg a { color: #0b3d75; }
.meta { font-size: .8em; color: #3d3d3d; margin-top: 6px; }
.chips { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 6px; }
.chip { background: #fff; border: 1px solid #5a5a5a; border-radius: 10px; padding: 0 8px; font-size: .8em; }
.replies, .rate { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.replies button, .starters button { background: #fff; color: #0b3d75; border: 1px solid #0b3d75;
  border-radius: 14px; padding: 4px 10px; cursor: pointer; text-align: start; }
.rate button { background: #fff; color: #3d3d3d; border: 1px solid #5a5a5a; border-radius: 6px;
  cursor: pointer; padding: 2px 6px; line-height: 0; }
.rate button[aria-pressed="true"] { background: #d8e4f2; }
.feedback textarea { width: 100%; margin-top: 6px; }
.starters { display: flex; flex-direction: column; gap: 6px; align-items: flex-start; }
.dots { align-self: flex-start; color: #3d3d3d; font-size: .9em; }
.dots[hidden] { display: none; }
.dots span { animation: blink 1.2s infinite; }
@keyframes blink { 50% { opacity: .2; } }
form.ask { display: flex; gap: 6px; padding: 10px; border-top: 1px solid #d0d4da; }
form.ask input { flex: 1; padding: 8px 10px; border: 1px solid #5a5a5a; border-radius: 8px; }
.primary { background: var(--c); color: #fff; border: 0; border-radius: 8px; padding: 8px 14px;
  cursor: pointer; }
.code-form { display: flex; gap: 6px; }
.code-form input { flex: 1; padding: 4px 6px; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  // Inline Markdown subset: **bold** and [text](https://...) or bare https links, as DOM nodes.
  const INLINE = /\*\*([^*]+)\*\*|\[([^\]]+)\]\((https:\/\/[^\s)]+)\)|(https:\/\/[^\s)<>]+)/g;
  function inline(parent, text, newTab) {
    let last = 0;
    for (const m of text.matchAll(INLINE)) {
      parent.append(text.slice(last, m.index));
      if (m[1]) parent.append(el("strong", { text: m[1] }));
      else parent.append(link(m[3] || m[4], m[2] || m[4], newTab));
      last = m.index + m[0].length;
    }
    parent.append(text.slice(last));
  }
  function link(href, label, newTab) {
    return el("a", { href, target: "_blank", rel: "noopener noreferrer" },
      label, el("span", { class: "sr", text: " " + newTab }));
  }
  // Blocks: paragraphs, "1. " numbered and "- " bulleted lists.
  function markdown(text, newTab) {
    const box = document.createDocumentFragment();
    for (const block of String(text).split(/\n{2,}/)) {
      const lines = block.split("\n");
      const numbered = lines.every((l) => /^\d+\.\s/.test(l));
      const bulleted = lines.every((l) => /^[-*]\s/.test(l));
      if (numbered || bulleted) {
        const list = el(numbered ? "ol" : "ul");
        for (const line of lines) {
          const item = el("li");
          inline(item, line.replace(/^(\d+\.|[-*])\s/, ""), newTab);
          list.append(item);
        }
        box.append(list);
      } else {
        const p = el("p");
        lines.forEach((line, i) => { if (i) p.append(el("br")); inline(p, line, newTab); });
        box.append(p);
      }
    }
    return box;
  }

  // A thumb icon (SVG, so that no emoji font is needed); pointing down for "not helpful".
  function thumb(down) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "18");
    svg.setAttribute("height", "18");
    svg.setAttribute("aria-hidden", "true");
    if (down) svg.setAttribute("transform", "scale(1,-1)");
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", "M2 10h4v11H2zM8 21h9.3a2 2 0 0 0 2-1.6l1.6-7A2 2 0 0 0 19 10h-5.2l.9-4.3A1.8 1.8 0 0 0 11.5 4L8 9.6z");
    path.setAttribute("fill", "currentColor");
    svg.append(path);
    return svg;
  }

  function chooseLocale(wanted) {
    if (wanted && wanted !== "auto") {
      const base = wanted.toLowerCase().split(/[-_]/)[0];
      if (SUPPORTED.includes(base)) return base;
    }
    for (const tag of navigator.languages || [navigator.language]) {
      const base = String(tag).toLowerCase().split("-")[0];
      if (SUPPORTED.includes(base)) return base;
    }
    return null; // the site's default
  }

  class WelkomChat extends HTMLElement {
    connectedCallback() {
      if (this.root) return;
      this.site = this.getAttribute("site") || "demo";
      const wanted = this.getAttribute("locale");
      // An explicit locale (data-locale="tr", or the user's choice in the switcher) is sent with
      // every message; with "auto" the api detects the language of each message instead.
      this.explicitLocale = Boolean(wanted && wanted !== "auto");
      this.locale = chooseLocale(wanted);
      this.storageKey = `welkom:${this.site}:session`;
      this.sessionId = localStorage.getItem(this.storageKey);
      this.next = 0;
      this.unread = 0;
      this.handoff = "none";
      this.root = this.attachShadow({ mode: "open" });
      this.root.append(el("style", { text: CSS }));
      this.load().catch(() => {});
    }

    async api(path, options) {
      const response = await fetch(API + path, {
        ...options,
        headers: { "Content-Type": "application/json", ...(options && options.headers) },
      });
      const body = response.status === 204 ? null : await response.json().catch(() => null);
      if (!response.ok) throw Object.assign(new Error(String(response.status)), { body });
      return body;
    }

    async load() {
      const query = `site=${encodeURIComponent(this.site)}` +
        (this.locale ? `&locale=${this.locale}` : "");
      this.config = await this.api(`/api/v1/widget/config?${query}`);
      this.locale = this.config.locale;
      this.t = this.config.text;
      if (!this.launcher) this.build();
      this.applyTexts();
      if (this.sessionId) await this.restore();
      if (!this.log.childElementCount) this.welcome();
    }

    build() {
      const t = this.t;
      this.style.setProperty("--c", this.config.site.colour);
      this.badge = el("span", { class: "badge", hidden: true, "aria-hidden": "true" });
      this.launcherLabel = el("span");
      this.launcher = el("button", {
        class: "launcher", type: "button", "aria-expanded": "false", "aria-controls": "panel",
        onclick: () => this.toggle(true),
      }, this.launcherLabel, this.badge);
      this.heading = el("h2", { id: "title" });
      this.subtitle = el("p", { class: "sub" });
      this.languageLabel = el("label", { for: "language", class: "sr" });
      this.languageSelect = el("select", { id: "language", onchange: (e) => this.switchLanguage(e.target.value) });
      for (const language of this.config.languages) {
        this.languageSelect.append(el("option", { value: language.code, lang: language.code, text: language.name }));
      }
      this.personButton = el("button", { type: "button", onclick: () => this.send("/human_handoff", this.t.talk_to_person) });
      this.menuButton = el("button", { type: "button", "aria-expanded": "false", "aria-controls": "menu",
        onclick: () => this.toggleMenu() }, "⋯");
      this.closeButton = el("button", { type: "button", onclick: () => this.toggle(false) }, "×");
      const header = el("header", {},
        el("div", { class: "top" },
          this.config.site.logo ? el("img", { src: new URL(this.config.site.logo, API).href, alt: "" }) : null,
          el("div", { class: "titles" }, this.heading, this.subtitle), this.closeButton),
        el("div", { class: "tools" }, this.personButton, this.languageLabel, this.languageSelect, this.menuButton));
      this.menu = el("div", { class: "menu", id: "menu", hidden: true });
      this.state = el("div", { class: "state", role: "status", hidden: true });
      this.log = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-relevant": "additions" });
      this.typing = el("div", { class: "dots", role: "status", hidden: true });
      this.input = el("input", { id: "question", autocomplete: "off", maxlength: "2000" });
      this.inputLabel = el("label", { for: "question", class: "sr" });
      this.sendButton = el("button", { type: "submit", class: "primary" });
      const form = el("form", { class: "ask", onsubmit: (e) => {
        e.preventDefault();
        const text = this.input.value.trim();
        if (text) { this.input.value = ""; this.send(text); }
      } }, this.inputLabel, this.input, this.sendButton);
      this.panel = el("section", { class: "panel", id: "panel", role: "dialog", "aria-labelledby": "title",
        hidden: true, onkeydown: (e) => { if (e.key === "Escape") this.toggle(false); } },
        header, this.menu, this.state, this.log, this.typing, form);
      this.root.append(this.launcher, this.panel);
    }

    applyTexts() {
      const t = this.t;
      this.setAttribute("lang", this.locale);
      this.setAttribute("dir", this.config.direction);
      this.panel.setAttribute("lang", this.locale);
      this.panel.setAttribute("dir", this.config.direction);
      this.launcher.setAttribute("dir", this.config.direction);
      this.launcherLabel.textContent = t["widget.open"];
      this.heading.textContent = this.config.site.name;
      this.subtitle.textContent = t["widget.subtitle"];
      this.languageLabel.textContent = t["widget.language"];
      this.languageSelect.value = this.locale;
      this.menuButton.setAttribute("aria-label", t["widget.menu"]);
      this.closeButton.setAttribute("aria-label", t["widget.close"]);
      this.input.placeholder = t.input_placeholder;
      this.inputLabel.textContent = t["widget.input_label"];
      this.sendButton.textContent = t.send;
      this.personButton.textContent = t.talk_to_person;
      this.typing.textContent = t["widget.typing"];
      this.buildMenu();
      this.showState();
      this.showUnread();
    }

    buildMenu() {
      const t = this.t;
      this.menu.replaceChildren(
        el("button", { type: "button", onclick: () => this.showCode() }, t["widget.code"]),
        this.codeForm(),
        this.sessionId ? el("a", { href: `${API}/api/v1/sessions/${this.sessionId}/transcript.txt`,
          download: "welkom-conversation.txt" }, t["widget.download"]) : null,
        this.sessionId ? el("button", { type: "button", onclick: () => this.confirmDelete() }, t["widget.delete"]) : null);
    }

    codeForm() {
      const t = this.t;
      const input = el("input", { id: "resume-code", autocomplete: "off", maxlength: "12" });
      return el("form", { class: "code-form", onsubmit: (e) => { e.preventDefault(); this.resume(input.value); } },
        el("label", { for: "resume-code", class: "sr", text: t["widget.code_enter"] }),
        input, el("button", { type: "submit", class: "primary" }, t["widget.code_resume"]));
    }

    toggle(open) {
      this.panel.hidden = !open;
      this.launcher.hidden = open;
      this.launcher.setAttribute("aria-expanded", String(open));
      if (open) {
        this.unread = 0;
        this.showUnread();
        this.input.focus();
        this.log.scrollTop = this.log.scrollHeight;
      } else {
        this.launcher.focus();
      }
    }

    toggleMenu(force) {
      const open = force === undefined ? this.menu.hidden : force;
      this.menu.hidden = !open;
      this.menuButton.setAttribute("aria-expanded", String(open));
    }

    showUnread() {
      const label = this.unread ? this.config.unread[String(Math.min(this.unread, 20))] : "";
      this.badge.hidden = !this.unread;
      this.badge.textContent = this.unread > 20 ? "20+" : String(this.unread);
      this.launcher.setAttribute("aria-label", label ? `${this.t["widget.open"]}, ${label}` : this.t["widget.open"]);
    }

    showState() {
      const key = { requested: "widget.handoff_requested", active: "widget.handoff_active",
        closed: "widget.handoff_closed" }[this.handoff];
      this.state.hidden = !key;
      this.state.textContent = key ? this.t[key] : "";
    }

    welcome() {
      const t = this.t;
      const box = this.add("bot", t.greeting);
      const starters = el("div", { class: "starters" }, el("span", { class: "meta", text: t["widget.starters_label"] }));
      for (const n of [1, 2, 3, 4]) {
        const text = t[`widget.starter.${n}`];
        starters.append(el("button", { type: "button", onclick: () => this.send(text) }, text));
      }
      box.append(starters);
    }

    add(kind, text, extra) {
      const names = { user: "widget.you", bot: "widget.bot", staff: "widget.staff" };
      const box = el("div", { class: `msg ${kind}` }, el("span", { class: kind === "user" ? "sr" : "who", text: this.t[names[kind]] }));
      if (kind === "user") box.append(document.createTextNode(text));
      else box.append(markdown(text, this.t["widget.new_tab"]));
      if (extra && extra.lang) box.setAttribute("lang", extra.lang);
      this.log.append(box);
      this.log.scrollTop = this.log.scrollHeight;
      if (kind !== "user" && this.panel.hidden) { this.unread += 1; this.showUnread(); }
      return box;
    }

    addDetails(box, message, answer) {
      const t = this.t;
      if (message.dutch_terms && message.dutch_terms.length) {
        const chips = el("div", { class: "chips", "aria-label": t["widget.dutch_terms"], role: "list" });
        for (const term of message.dutch_terms) chips.append(el("span", { class: "chip", lang: "nl", role: "listitem", text: term }));
        box.append(chips);
      }
      if (message.sources && message.sources.length) {
        const meta = el("div", { class: "meta" }, `${t.sources_label}: `);
        message.sources.forEach((s, i) => {
          if (i) meta.append(" · ");
          meta.append(link(s.url, s.title, t["widget.new_tab"]),
            ` (${t.verified_label.replace("{date}", s.verified)})`);
        });
        box.append(meta);
      }
      if (message.buttons && message.buttons.length) {
        const row = el("div", { class: "replies" });
        for (const b of message.buttons) row.append(el("button", { type: "button", onclick: () => this.send(b.payload, b.title) }, b.title));
        box.append(row);
      }
      if (answer && answer.entry) box.append(this.rating(answer.entry));
    }

    rating(entry) {
      const t = this.t;
      const row = el("div", { class: "rate", role: "group", "aria-label": t["widget.helpful"] });
      const up = el("button", { type: "button", "aria-pressed": "false", "aria-label": t["widget.thumbs_up"] }, thumb(false));
      const down = el("button", { type: "button", "aria-pressed": "false", "aria-label": t["widget.thumbs_down"] }, thumb(true));
      up.addEventListener("click", () => { up.setAttribute("aria-pressed", "true"); down.disabled = true; up.disabled = true;
        this.feedback(true, entry, ""); });
      down.addEventListener("click", () => { down.setAttribute("aria-pressed", "true"); up.disabled = true; down.disabled = true;
        row.after(this.feedbackForm(entry)); });
      row.append(up, down);
      return row;
    }

    feedbackForm(entry) {
      const t = this.t;
      const id = `comment-${Math.random().toString(36).slice(2)}`;
      const area = el("textarea", { id, rows: "2", maxlength: "1000" });
      const form = el("form", { class: "feedback", onsubmit: async (e) => {
        e.preventDefault();
        await this.feedback(false, entry, area.value);
        form.replaceChildren(el("p", { role: "status", text: t["widget.feedback_thanks"] }));
      } }, el("label", { for: id, text: t["widget.feedback_prompt"] }), area,
        el("button", { type: "submit", class: "primary" }, t["widget.feedback_send"]));
      setTimeout(() => area.focus(), 0);
      return form;
    }

    async feedback(helpful, entry, comment) {
      if (!this.sessionId) return;
      await this.api("/api/v1/feedback", { method: "POST",
        body: JSON.stringify({ session_id: this.sessionId, helpful, entry, comment }) }).catch(() => {});
    }

    remember(sessionId) {
      this.sessionId = sessionId;
      localStorage.setItem(this.storageKey, sessionId);
    }

    async send(text, shown) {
      this.add("user", shown || text);
      this.typing.hidden = false;
      const body = { text, site: this.site };
      if (this.explicitLocale) body.locale = this.locale;
      if (this.sessionId) body.session_id = this.sessionId;
      try {
        const answer = await this.api("/api/v1/chat", { method: "POST", body: JSON.stringify(body) });
        const firstVisit = !this.sessionId;
        this.remember(answer.session_id);
        if (firstVisit) this.buildMenu();
        for (const message of answer.messages) {
          const box = this.add("bot", message.text, { lang: answer.locale });
          box.dataset.topic = answer.topic || "";
          this.addDetails(box, message, message === answer.messages[answer.messages.length - 1] ? answer : null);
        }
        if (answer.plan) {
          this.log.lastElementChild.append(el("p", {}, link(answer.plan.checklist_url, this.t["plan.open_title"], this.t["widget.new_tab"])));
        }
        await this.syncNext();
        this.setHandoff(answer.handoff);
        // The user wrote in another language: the widget follows the conversation's language.
        if (answer.locale !== this.locale && !this.explicitLocale) await this.useLanguage(answer.locale);
      } catch (error) {
        if (error.body && error.body.code === "unknown_session") { this.forget(); }
        this.add("bot", (error.body && error.body.message) || this.t.service_unavailable);
      } finally {
        this.typing.hidden = true;
      }
    }

    async syncNext() {
      const session = await this.api(`/api/v1/sessions/${this.sessionId}?since=${this.next}`).catch(() => null);
      if (session) this.next = session.next;
    }

    setHandoff(handoff) {
      this.handoff = handoff;
      this.showState();
      const waiting = handoff === "requested" || handoff === "active";
      if (waiting && !this.poller) this.poller = setInterval(() => this.poll(), POLL_MS);
      if (!waiting && this.poller) { clearInterval(this.poller); this.poller = null; }
    }

    // While a person is (about to be) in the chat, their replies arrive here.
    async poll() {
      if (!this.sessionId) return;
      const session = await this.api(`/api/v1/sessions/${this.sessionId}?since=${this.next}`).catch(() => null);
      if (!session) return;
      this.next = session.next;
      for (const turn of session.messages) if (turn.from === "staff") this.add("staff", turn.text);
      if (session.handoff !== this.handoff) this.setHandoff(session.handoff);
    }

    async restore() {
      let session;
      try {
        session = await this.api(`/api/v1/sessions/${this.sessionId}`);
      } catch (error) {
        this.forget();
        return;
      }
      this.render(session);
    }

    render(session) {
      this.log.replaceChildren();
      for (const turn of session.messages) {
        const box = this.add(turn.from, turn.text);
        if (turn.from === "bot") { box.dataset.topic = turn.topic || ""; this.addDetails(box, turn, turn); }
      }
      this.unread = 0;
      this.showUnread();
      this.next = session.next;
      this.setHandoff(session.handoff);
    }

    forget() {
      localStorage.removeItem(this.storageKey);
      this.sessionId = null;
      this.next = 0;
      this.setHandoff("none");
      this.buildMenu();
    }

    async switchLanguage(code) {
      this.explicitLocale = true;
      await this.useLanguage(code);
      this.languageSelect.focus();
    }

    async useLanguage(code) {
      this.locale = code;
      const query = `site=${encodeURIComponent(this.site)}&locale=${code}`;
      this.config = await this.api(`/api/v1/widget/config?${query}`);
      this.t = this.config.text;
      this.applyTexts();
    }

    async showCode() {
      this.toggleMenu(false);
      if (!this.sessionId) return;
      const { code } = await this.api(`/api/v1/sessions/${this.sessionId}/code`, { method: "POST" });
      this.add("bot", this.t["widget.code_shown"].replace("{code}", code));
    }

    async resume(code) {
      try {
        const session = await this.api("/api/v1/sessions/resume", { method: "POST", body: JSON.stringify({ code }) });
        this.remember(session.session_id);
        this.toggleMenu(false);
        this.render(session);
        this.buildMenu();
      } catch (error) {
        this.state.hidden = false;
        this.state.textContent = this.t["widget.code_invalid"];
      }
    }

    confirmDelete() {
      const t = this.t;
      const box = el("div", { role: "alertdialog", "aria-label": t["widget.delete"] },
        el("p", { text: t["widget.delete_confirm"] }));
      const yes = el("button", { type: "button", class: "primary", onclick: () => this.remove() }, t["widget.delete_yes"]);
      const no = el("button", { type: "button", onclick: () => this.buildMenu() }, t["widget.cancel"]);
      box.append(yes, " ", no);
      this.menu.replaceChildren(box);
      yes.focus();
    }

    async remove() {
      if (this.sessionId) await this.api(`/api/v1/sessions/${this.sessionId}`, { method: "DELETE" }).catch(() => {});
      this.forget();
      this.toggleMenu(false);
      this.log.replaceChildren();
      this.state.hidden = false;
      this.state.textContent = this.t["widget.deleted"];
      this.welcome();
      this.input.focus();
    }
  }

  customElements.define("welkom-chat", WelkomChat);
  const widget = document.createElement("welkom-chat");
  widget.setAttribute("site", (script && script.dataset.site) || "demo");
  widget.setAttribute("locale", (script && script.dataset.locale) || "auto");
  (document.body || document.documentElement).append(widget);
})();
