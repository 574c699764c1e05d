// Ticking a step saves the plan's progress (PUT /api/v1/plans/{code}/progress); the delete
// button forgets the plan (DELETE /api/v1/plans/{code}) after the user confirms.
(() => {
  const plan = document.getElementById("plan");
  const status = document.getElementById("status");
  const boxes = [...document.querySelectorAll("input[data-step]")];
  const planUrl = `/api/v1/plans/${encodeURIComponent(plan.dataset.code)}`;
  const url = `${planUrl}/progress`;

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

  async function forget() {
    if (!window.confirm(plan.dataset.deleteConfirm)) return;
    try {
      const response = await fetch(planUrl, { method: "DELETE" });
      if (!response.ok && response.status !== 404) throw new Error(String(response.status));
    } catch (error) {
      status.textContent = plan.dataset.deleteFailed;
      return;
    }
    // Nothing of the plan stays on the page either.
    const done = document.createElement("p");
    done.setAttribute("role", "status");
    done.id = "deleted";
    done.textContent = plan.dataset.deleted;
    plan.replaceChildren(plan.querySelector("h1"), done);
  }

  boxes.forEach((box) => box.addEventListener("change", () => save(box)));
  document.getElementById("delete").addEventListener("click", forget);
  document.getElementById("print").addEventListener("click", () => window.print());
})();
