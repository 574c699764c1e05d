// New messages of the open conversation arrive live (server-sent events); text only, never HTML.
(() => {
  const list = document.getElementById("transcript");
  if (!list || !window.EventSource) return;
  const events = new EventSource(list.dataset.events);
  events.onmessage = (event) => {
    const turn = JSON.parse(event.data);
    const item = document.createElement("li");
    item.className = `turn ${turn.from}`;
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = turn.from;
    const text = document.createElement("p");
    text.textContent = turn.text;
    item.append(who, text);
    list.append(item);
  };
})();
