// Ticking a step saves the plan's progress (PUT /api/v1/plans/{code}/progress).
(() => {
  const plan = document.getElementById("plan");
  const status = document.getElementById("status");
  const boxes = [...document.querySelectorAll("input[data-step]")];
  const url = `/api/v1/plans/${encodeURIComponent(plan.dataset.code)}/progress`;

  async function save(changed) {
    const done = boxes.filter((box) => box.checked).map((box) => box.dataset.step);
    changed.closest("li.step").classList.toggle("done", changed.checked);
    try {
      const response = await fetch(url, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ done }),
      });
      if (!response.ok) throw new Error(String(response.status));
      status.textContent = plan.dataset.saved;
    } catch (error) {
      changed.checked = !changed.checked;
      changed.closest("li.step").classList.toggle("done", changed.checked);
      status.textContent = plan.dataset.failed;
    }
  }

  boxes.forEach((box) => box.addEventListener("change", () => save(box)));
  document.getElementById("print").addEventListener("click", () => window.print());
})();
