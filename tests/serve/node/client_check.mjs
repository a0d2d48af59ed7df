// The official Node `openai` client against a running `edgekit serve`.
// Usage: node client_check.mjs <base_url>; prints one JSON object (the results) on stdout.
import OpenAI from "openai";

const client = new OpenAI({ baseURL: process.argv[2], apiKey: "unused", maxRetries: 0 });
const question = [{ role: "user", content: "Say hello to Ada." }];
const results = {};

const { data: plain, response } = await client.chat.completions
  .create({ model: "edgekit:local", messages: question, max_tokens: 8 })
  .withResponse();
results.plain = {
  content: plain.choices[0].message.content,
  finish_reason: plain.choices[0].finish_reason,
  usage: plain.usage,
  route: plain.edgekit.route,
  route_header: response.headers.get("x-edgekit-route"),
};

const stream = await client.chat.completions.create({
  model: "edgekit:cloud",
  messages: question,
  max_tokens: 8,
  stream: true,
  stream_options: { include_usage: true },
});
const pieces = [];
let decision = null;
let usage = null;
for await (const chunk of stream) {
  if (chunk.usage) usage = chunk.usage;
  for (const choice of chunk.choices) {
    if (choice.delta?.content) pieces.push(choice.delta.content);
    if (choice.finish_reason) decision = chunk.edgekit;
  }
}
results.streamed = { content: pieces.join(""), route: decision?.route, usage };

try {
  await client.chat.completions.create({ model: "gpt-4o", messages: question });
  results.bad = { status: null };
} catch (err) {
  results.bad = { status: err.status, code: err.code, type: err.type };
}
console.log(JSON.stringify(results));
