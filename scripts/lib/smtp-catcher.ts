// A local SMTP server that accepts every message (no auth, no TLS) and keeps it: in memory for tests and,
// when given a folder, as one .eml file per message so a developer can open what the functions sent.
// Only for development and tests; it listens on 127.0.0.1.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export const SMTP_CATCHER_PORT = 2525;

export type CaughtMail = { file?: string; from: string; to: string[]; raw: Buffer; at: Date };
export type SmtpCatcher = { port: number; dir?: string; messages: CaughtMail[]; close: () => Promise<void> };

export async function startSmtpCatcher(options: { port?: number; dir?: string } = {}): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = [];
  const { dir } = options;
  if (dir) mkdirSync(dir, { recursive: true });
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const at = new Date();
        const mail: CaughtMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          at,
        };
        if (dir) {
          mail.file = join(dir, `${at.toISOString().replace(/[:.]/g, '-')}-${process.pid}-${seq++}.eml`);
          writeFileSync(mail.file, raw);
        }
        messages.push(mail);
        callback();
      });
    },
  });
  const port = options.port ?? SMTP_CATCHER_PORT;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port,
    ...(dir ? { dir } : {}),
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
