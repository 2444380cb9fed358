// What an author's page does with the embed's messages: fit the iframe to the reported height.
window.resizeMessages = [];
window.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type !== 'conv1d-playground:resize') return;
  const frame = document.getElementById(data.id);
  if (!frame || frame.contentWindow !== event.source) return;
  window.resizeMessages.push({ id: data.id, height: data.height });
  frame.style.height = `${data.height}px`;
});
