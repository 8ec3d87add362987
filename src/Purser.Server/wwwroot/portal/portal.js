// R-IDS: copy buttons. Everything else in the portal works without script.
document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element ? event.target.closest("button[data-copy]") : null;
  if (!button) return;
  try {
    await navigator.clipboard.writeText(button.dataset.copy);
    button.dataset.copied = "true";
  } catch {
    window.getSelection()?.selectAllChildren(button.previousElementSibling);
  }
});
