// A receiver for Weiquan status callbacks that verifies each signature (Standard Webhooks) and answers 2xx.
//
//   WEBHOOK_SECRET=whsec_... PORT=8787 node examples/verify-webhook.mjs
//
// Register http://<this host>:8787/hooks as an endpoint of your API client (console: 接口客户端 → 推送地址,
// or the createWebhookEndpoint mutation); the secret is shown once when the endpoint is created.
// Duplicates are possible (at-least-once delivery): they carry the same webhook-id, so keep the ids you
// have processed and skip a repeat. Events of one case arrive in order.
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const secret = process.env.WEBHOOK_SECRET;
if (!secret) {
  console.error('set WEBHOOK_SECRET to the endpoint secret (whsec_...)');
  process.exit(1);
}
const webhook = new Webhook(secret);
const seen = new Set(); // use your database in production

createServer(async (req, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  let event;
  try {
    // Checks the HMAC-SHA256 over `webhook-id.webhook-timestamp.body` and that the timestamp is within 5 minutes.
    event = webhook.verify(body, req.headers);
  } catch (e) {
    console.warn('rejected: bad signature or stale timestamp:', e.message);
    res.writeHead(400).end();
    return;
  }
  const id = req.headers['webhook-id'];
  if (!seen.has(id)) {
    seen.add(id);
    console.log(id, event.type, event.data.externalRef, event.data.caseNo, event.data.state);
  }
  res.writeHead(204).end(); // within 15 s, or the delivery is retried
}).listen(Number(process.env.PORT ?? 8787), () => console.log('listening'));
