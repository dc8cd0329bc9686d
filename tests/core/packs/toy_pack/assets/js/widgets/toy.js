// The toy widget: asks the worker's toy.shout method and shows its answer.
export async function attach(root, api) {
  const reply = await api.call("toy.shout", { text: root.dataset.text });
  const out = document.createElement("p");
  out.className = "toy-answer";
  out.textContent = reply.text;
  root.append(out);
}
