import { createServer } from "node:http";
import { listenLocal } from "./local-server.ts";

export type ChatRequest = { model: string; messages: Array<{ role: string; content: unknown }>; stream?: boolean };

/**
 * A fake OpenAI-compatible server on 127.0.0.1: /chat/completions (plain and streamed) and
 * /embeddings. `reply` decides the assistant's text; `failWith` makes every chat request fail with that
 * HTTP status (a model that is down or refuses); every request body is recorded.
 */
export async function startFakeOpenAI(options: { reply?: (request: ChatRequest) => string; embed?: (input: string) => number[]; failWith?: number } = {}) {
  const requests: ChatRequest[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const parsed = body ? JSON.parse(body) : {};
      if (req.url?.endsWith("/embeddings")) {
        const inputs: string[] = Array.isArray(parsed.input) ? parsed.input : [parsed.input];
        const embed = options.embed ?? ((text: string) => [text.length % 7, 1, 2, 3]);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ object: "list", model: parsed.model, data: inputs.map((text, index) => ({ object: "embedding", index, embedding: embed(text) })), usage: { prompt_tokens: 1, total_tokens: 1 } }));
        return;
      }
      if (!req.url?.endsWith("/chat/completions")) {
        res.writeHead(404).end();
        return;
      }
      requests.push(parsed);
      if (options.failWith) {
        res.writeHead(options.failWith, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "model unavailable", type: "server_error" } }));
        return;
      }
      const text = options.reply?.(parsed) ?? "Trả lời [1]";
      const id = `chatcmpl-${requests.length}`;
      const created = Math.floor(Date.now() / 1000);
      if (parsed.stream) {
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
        send({ id, object: "chat.completion.chunk", created, model: parsed.model, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] });
        send({ id, object: "chat.completion.chunk", created, model: parsed.model, choices: [{ index: 0, delta: { content: text }, finish_reason: null }] });
        send({ id, object: "chat.completion.chunk", created, model: parsed.model, choices: [{ index: 0, delta: {}, finish_reason: "stop" }], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } });
        res.end("data: [DONE]\n\n");
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id, object: "chat.completion", created, model: parsed.model, choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } }));
    });
  });
  const local = await listenLocal(server);
  return {
    baseURL: `${local.base}/v1`,
    requests,
    close: local.close,
  };
}
