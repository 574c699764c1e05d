// Plain demo chat. Message text is always inserted as text, never as HTML.
(function () {
  "use strict";
  const chat = document.getElementById("chat");
  const log = document.getElementById("log");
  const form = document.getElementById("ask");
  const input = document.getElementById("question");
  const locale = chat.dataset.locale || null;
  const storageKey = "welkom-demo-session";

  // **bold** only, built as DOM nodes: message text is never parsed as HTML.
  function appendFormatted(parent, text) {
    text.split("**").forEach(function (part, i) {
      if (i % 2 === 1) {
        const strong = document.createElement("strong");
        strong.textContent = part;
        parent.appendChild(strong);
      } else if (part) {
        parent.appendChild(document.createTextNode(part));
      }
    });
  }

  function add(kind, text) {
    const div = document.createElement("div");
    div.className = "msg " + kind;
    if (kind === "bot") appendFormatted(div, text); else div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function addSources(div, sources) {
    if (!sources || !sources.length) return;
    const meta = document.createElement("div");
    meta.className = "meta";
    meta.appendChild(document.createTextNode(chat.dataset.sourcesLabel + ": "));
    sources.forEach(function (source, i) {
      if (i) meta.appendChild(document.createTextNode(" · "));
      const a = document.createElement("a");
      a.href = source.url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.textContent = source.title + " (" + source.verified + ")";
      meta.appendChild(a);
    });
    div.appendChild(meta);
  }

  function addButtons(div, buttons) {
    if (!buttons || !buttons.length) return;
    const row = document.createElement("div");
    row.className = "buttons";
    buttons.forEach(function (button) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = button.title;
      b.addEventListener("click", function () { send(button.payload, button.title); });
      row.appendChild(b);
    });
    div.appendChild(row);
  }

  async function send(text, shown) {
    add("user", shown || text);
    const body = { text: text };
    const session = sessionStorage.getItem(storageKey);
    if (session) body.session_id = session;
    if (locale) body.locale = locale;
    let response;
    try {
      response = await fetch("/api/v1/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    } catch (err) {
      add("bot error", String(err));
      return;
    }
    const data = await response.json();
    if (!response.ok) {
      if (data.code === "unknown_session") sessionStorage.removeItem(storageKey);
      add("bot error", data.message || data.code);
      return;
    }
    sessionStorage.setItem(storageKey, data.session_id);
    data.messages.forEach(function (message) {
      const div = add("bot", message.text);
      div.dataset.topic = data.topic || "";
      div.lang = data.locale;
      addSources(div, message.sources);
      addButtons(div, message.buttons);
    });
    if (data.plan) addPlanLink(data.plan);
  }

  // A finished arrival plan: a link to its printable checklist.
  function addPlanLink(plan) {
    const div = log.lastElementChild;
    const a = document.createElement("a");
    a.href = plan.checklist_url;
    a.target = "_blank";
    a.rel = "noopener";
    a.className = "plan-link";
    a.textContent = chat.dataset.planLabel;
    div.appendChild(document.createElement("br"));
    div.appendChild(a);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });
})();
