// `npm run admin -- <command> …`: what a province's IT team runs from its own machine to put the system
// into service (README, "Deploying"). Against a real project it uses the operator's own Google account
// (Application Default Credentials: `gcloud auth application-default login`); against `npm start`'s
// emulators with --emulators. Every write goes through the same feature code the console uses.
//
//   create-admin --email <e> --name <n> --agency <id> [--force]   the first administrator, by invitation
//   import-agencies   <file.csv|xlsx> [--dry-run] [--json]
//   import-procedures <file.csv|xlsx> [--dry-run] [--json]        the national catalogue's export
//   import-officers   <file.csv|xlsx> [--dry-run] [--json]        invitations, never existing accounts
//   check-data [--database <id>] [--sample <n>] [--json]           counts and event chains (restore drill)
//   backfill-work-by                                               the queue's sort key on older dossiers (once)
// Target: --project <id> (a real Firebase project) or --emulators. --origin <https://…> is where
// invitation links lead back (default: PUBLIC_ORIGIN in functions/.env.<project>).
// Exit status: 0 done, 1 done but some rows were rejected, 2 nothing done (usage, file, access).
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { applicationDefault, getApps, initializeApp, type App } from 'firebase-admin/app';
import { getAuth, type Auth } from 'firebase-admin/auth';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { publicOriginProblem } from '../functions/src/config.js';
import { countOutcomes, OUTCOME_LABELS, ROW_OUTCOMES, type RowReport } from '../functions/src/domain/catalogue/index.js';
import { importAgencies } from '../functions/src/features/agencies/import-agencies.js';
import { importProcedures } from '../functions/src/features/catalog/import-procedures.js';
import { bootstrapAdministrator } from '../functions/src/features/officers/bootstrap-admin.js';
import { importOfficers } from '../functions/src/features/officers/import-officers.js';
import { ProvisionOfficerRequest } from '../functions/src/features/officers/provision-officer.handler.js';
import { ApiError } from '../functions/src/platform/api-error.js';
import { sendPasswordSetupEmail } from '../functions/src/platform/auth-email.js';
import { TableFileError } from '../functions/src/platform/table-file.js';
import { checkData } from '../functions/src/store/data-check.js';
import { backfillWorkBy } from '../functions/src/store/work-by-backfill.js';
import type { ImportProgress, ImportResult } from '../functions/src/store/imports.js';
import { PROJECT_ID as DEMO_PROJECT, ROOT } from './lib/emulator-env.js';

const USAGE = `Cách dùng / usage: npm run admin -- <lệnh / command> (--project <id> | --emulators) [tùy chọn / options]

  create-admin --email <email> --name "<họ tên>" --agency <mã cơ quan> [--force]
        Tạo quản trị viên đầu tiên bằng lời mời / the first administrator, by invitation
  import-agencies   <tệp .csv|.xlsx> [--dry-run] [--json]     Cơ quan / agencies
  import-procedures <tệp .csv|.xlsx> [--dry-run] [--json]     Thủ tục (xuất từ CSDL quốc gia) / procedures
  import-officers   <tệp .csv|.xlsx> [--dry-run] [--json]     Cán bộ, bằng lời mời / officers, by invitation
  check-data [--database <id>] [--sample <n>] [--json]         Đếm tài liệu, kiểm tra chuỗi sự kiện (diễn tập khôi phục)
        / counts and event chains of the latest dossiers (restore drill; docs/OPERATIONS.md)
  backfill-work-by                                             Ghi khóa sắp xếp hàng đợi cho hồ sơ cũ (một lần)
        / the officer queue's sort key on dossiers written before it (once; docs/adr/0013-officer-queue-pages.md)

  --project <id>    dự án Firebase thật, bằng tài khoản Google của bạn / a real project, with your Google
                    credentials (gcloud auth application-default login)
  --emulators       các trình giả lập của npm start / the emulators of npm start (${DEMO_PROJECT})
  --origin <url>    địa chỉ công khai cho liên kết mời / public origin for invitation links
                    (mặc định / default: PUBLIC_ORIGIN in functions/.env.<project>)
  --dry-run         chỉ báo cáo, không ghi / report only, write nothing
  --json            tiến độ và kết quả dạng JSON, mỗi dòng một sự kiện / JSON lines on stdout
Cột và quy tắc đọc / columns and wording rules: docs/IMPORT.md`;

type Target = { db: Firestore; auth: Auth; projectId: string; emulators: boolean; origin: string };

class UsageError extends Error {}
const bilingual = (vi: string, en: string) => ({ vi, en });

function parse() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      project: { type: 'string' },
      emulators: { type: 'boolean', default: false },
      origin: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      email: { type: 'string' },
      name: { type: 'string' },
      agency: { type: 'string' },
      force: { type: 'boolean', default: false },
      database: { type: 'string' },
      sample: { type: 'string', default: '20' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return { values, command: positionals[0], file: positionals[1], extra: positionals.slice(2) };
}

/** PUBLIC_ORIGIN from functions/.env.<project> (where the deploy reads it), if written there. */
function originFromEnvFile(projectId: string): string | undefined {
  const file = join(ROOT, 'functions', `.env.${projectId}`);
  if (!existsSync(file)) return undefined;
  const line = readFileSync(file, 'utf8').split(/\r?\n/u).find((l) => /^\s*PUBLIC_ORIGIN\s*=/u.test(l));
  return line?.replace(/^\s*PUBLIC_ORIGIN\s*=\s*/u, '').trim().replace(/^(['"])(.*)\1$/u, '$2');
}

/** The (default) database, or another one (`--database restore-drill`: a restored copy). */
function firestoreOf(app: App, database: string | undefined): Firestore {
  return database && database !== '(default)' ? getFirestore(app, database) : getFirestore(app);
}

async function connect(options: ReturnType<typeof parse>['values']): Promise<Target> {
  if (Boolean(options.project) === options.emulators) throw new UsageError('Chọn một đích: --project <id> hoặc --emulators / choose one target: --project <id> or --emulators');
  if (options.emulators) {
    const emu = (JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')) as { emulators: Record<string, { host: string; port: number }> }).emulators;
    process.env.FIRESTORE_EMULATOR_HOST = `${emu.firestore!.host}:${emu.firestore!.port}`;
    process.env.FIREBASE_AUTH_EMULATOR_HOST = `${emu.auth!.host}:${emu.auth!.port}`;
    const up = await fetch(`http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/`).then(() => true, () => false);
    if (!up) throw new UsageError('Các trình giả lập chưa chạy: hãy chạy npm start trước / the emulators are not running: start them with npm start');
    const app = getApps()[0] ?? initializeApp({ projectId: DEMO_PROJECT });
    const origin = options.origin ?? `http://${emu.hosting!.host}:${emu.hosting!.port}`;
    return { db: firestoreOf(app, options.database), auth: getAuth(app), projectId: DEMO_PROJECT, emulators: true, origin };
  }
  const projectId = options.project!;
  if (process.env.FIRESTORE_EMULATOR_HOST || process.env.FIREBASE_AUTH_EMULATOR_HOST) {
    throw new UsageError('FIRESTORE_EMULATOR_HOST/FIREBASE_AUTH_EMULATOR_HOST đang đặt: bỏ đặt trước khi dùng --project / unset them before using --project');
  }
  const credential = applicationDefault();
  try {
    await credential.getAccessToken();
  } catch (err) {
    throw new UsageError(
      'Chưa có thông tin đăng nhập Google: chạy `gcloud auth application-default login` (và `gcloud auth application-default set-quota-project ' +
        `${projectId}\`) / no Google credentials: run those two commands. (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  // A person's credentials need a quota project for the Identity Toolkit API (Auth); the project itself.
  process.env.GOOGLE_CLOUD_QUOTA_PROJECT ??= projectId;
  process.env.GCLOUD_PROJECT = projectId;
  const app = getApps()[0] ?? initializeApp({ projectId, credential });
  const origin = options.origin ?? originFromEnvFile(projectId) ?? '';
  return { db: firestoreOf(app, options.database), auth: getAuth(app), projectId, emulators: false, origin };
}

function checkedOrigin(target: Target): string {
  const problem = publicOriginProblem(target.origin, target.emulators);
  if (problem) {
    throw new UsageError(
      `${problem}. Đặt PUBLIC_ORIGIN trong functions/.env.${target.projectId} hoặc dùng --origin https://… (liên kết mời dẫn về đó) / ` +
        `set PUBLIC_ORIGIN in functions/.env.${target.projectId} or pass --origin (invitation links lead there)`,
    );
  }
  return target.origin.replace(/\/$/u, '');
}

// ---- output --------------------------------------------------------------------------------------------

function makeOutput(json: boolean) {
  const emit = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);
  const tty = process.stderr.isTTY;
  let drawn = false;
  return {
    json,
    info(vi: string, en: string, data: object = {}) {
      if (json) emit({ type: 'info', message: bilingual(vi, en), ...data });
      else console.log(`${vi} / ${en}`);
    },
    progress(p: ImportProgress) {
      if (json) return emit({ type: 'progress', ...p });
      const width = 30;
      const filled = Math.round((p.done / Math.max(1, p.total)) * width);
      const bar = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${p.done}/${p.total} dòng / rows, ${p.documents} tài liệu / documents`;
      if (tty) {
        process.stderr.write(`\r${bar}`);
        drawn = true;
      } else console.error(bar);
    },
    endProgress() {
      if (drawn) process.stderr.write('\n');
      drawn = false;
    },
    row(r: RowReport) {
      if (json) return emit({ type: 'row', ...r });
      const what = `${r.key ?? '—'}${r.version ? ` v${r.version}` : ''}`;
      console.log(`dòng / row ${String(r.row).padStart(5)}  ${what.padEnd(28)} ${OUTCOME_LABELS[r.outcome].vi} / ${OUTCOME_LABELS[r.outcome].en}`);
      for (const p of r.problems) console.log(`      – ${p.column ? `${p.column}: ` : ''}${p.message.vi} / ${p.message.en}`);
      for (const n of r.notes) console.log(`      · ${n.vi} / ${n.en}`);
    },
    emit,
  };
}

async function runImport(kind: 'agencies' | 'procedures' | 'officers', file: string | undefined, options: ReturnType<typeof parse>['values']): Promise<number> {
  if (!file) throw new UsageError(`Thiếu tệp / missing file: npm run admin -- import-${kind} <file> …`);
  if (!existsSync(file)) throw new UsageError(`Không có tệp / no such file: ${file}`);
  const out = makeOutput(options.json);
  const target = await connect(options);
  const dryRun = options['dry-run'];
  const bytes = readFileSync(file);
  if (out.json) out.emit({ type: 'start', kind, file, dryRun, project: target.projectId, emulators: target.emulators });
  else out.info(`${dryRun ? 'Chạy thử (không ghi)' : 'Nhập'} ${file} vào ${target.projectId}`, `${dryRun ? 'Dry run (nothing written)' : 'Importing'} ${file} into ${target.projectId}${target.emulators ? ' (emulators)' : ''}`);
  const deps = { db: target.db, now: () => new Date(), by: `npm run admin (${process.env.USER ?? 'operator'})`, onProgress: (p: ImportProgress) => out.progress(p) };
  const importOptions = { dryRun, fileName: basename(file) };
  const started = performance.now();
  let result: ImportResult;
  if (kind === 'agencies') result = await importAgencies(bytes, importOptions, deps);
  else if (kind === 'procedures') result = await importProcedures(bytes, importOptions, deps);
  else {
    const origin = dryRun ? target.origin : checkedOrigin(target);
    result = await importOfficers(bytes, importOptions, { ...deps, auth: target.auth, sendInvitation: sendPasswordSetupEmail, origin: () => origin });
  }
  const elapsedMs = Math.round(performance.now() - started);
  out.endProgress();
  if (!out.json) {
    out.info(`Tệp ${result.format.toUpperCase()}, dòng tiêu đề ${result.headerRow}; cột dùng: ${result.columns.used.join(', ')}`, `${result.format.toUpperCase()} file, header on row ${result.headerRow}`);
    if (result.columns.ignored.length > 0) out.info(`Cột bỏ qua: ${result.columns.ignored.join(', ')}`, `ignored columns: ${result.columns.ignored.join(', ')}`);
  } else out.emit({ type: 'columns', format: result.format, headerRow: result.headerRow, ...result.columns });
  for (const r of result.rows) out.row(r);
  const counts = countOutcomes(result.rows);
  const summary = ROW_OUTCOMES.map((o) => `${counts[o]} ${OUTCOME_LABELS[o].en}`).join(', ');
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  if (out.json) {
    out.emit({ type: 'summary', kind, dryRun, counts, documents: result.documents, jobId: result.jobId ?? null, resumed: result.resumed ?? null, elapsedMs, maxRssMb });
  } else {
    if (result.resumed) out.info(`Tiếp tục lần nhập trước chưa xong (${result.resumed.done}/${result.resumed.total})`, `completed an earlier run of this file that stopped at ${result.resumed.done}/${result.resumed.total}`);
    out.info(
      `Kết quả: ${ROW_OUTCOMES.map((o) => `${counts[o]} ${OUTCOME_LABELS[o].vi.toLowerCase()}`).join(', ')}; ${result.documents} tài liệu đã ghi`,
      `result: ${summary}; ${result.documents} documents written${dryRun ? ' (dry run)' : ''} in ${(elapsedMs / 1000).toFixed(1)} s`,
    );
    if (dryRun && counts.rejected === 0) out.info('Chạy lại không có --dry-run để nhập', 'run again without --dry-run to import');
  }
  return counts.rejected > 0 ? 1 : 0;
}

/** Under the emulators the Auth emulator keeps the emailed link instead of sending it: show it. */
async function emulatorLink(email: string): Promise<string | undefined> {
  const res = await fetch(`http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/emulator/v1/projects/${DEMO_PROJECT}/oobCodes`).catch(() => undefined);
  if (!res?.ok) return undefined;
  const { oobCodes } = (await res.json()) as { oobCodes: { email: string; requestType: string; oobLink: string }[] };
  return oobCodes.filter((c) => c.email === email && c.requestType === 'PASSWORD_RESET').at(-1)?.oobLink;
}

async function createAdmin(options: ReturnType<typeof parse>['values']): Promise<number> {
  const parsed = ProvisionOfficerRequest.safeParse({ email: options.email, displayName: options.name, role: 'admin', agencyId: options.agency });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `--${({ email: 'email', displayName: 'name', agencyId: 'agency' } as Record<string, string>)[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`);
    throw new UsageError(`npm run admin -- create-admin --email <email> --name "<họ tên / full name>" --agency <000.00.00.H99>\n${fields.join('\n')}`);
  }
  const out = makeOutput(options.json);
  const target = await connect(options);
  const origin = checkedOrigin(target);
  const input = { email: parsed.data.email, displayName: parsed.data.displayName, agencyId: parsed.data.agencyId };
  if (!(await target.db.doc(`agencies/${input.agencyId}`).get()).exists) {
    throw new UsageError(
      `Chưa có cơ quan ${input.agencyId}: nhập danh sách cơ quan trước (npm run admin -- import-agencies <tệp> …) / ` +
        `no agency ${input.agencyId} yet: import the agencies first`,
    );
  }
  const outcome = await bootstrapAdministrator(input, {
    db: target.db,
    auth: target.auth,
    now: () => new Date(),
    sendInvitation: sendPasswordSetupEmail,
    origin: () => origin,
    force: options.force,
  });
  const link = target.emulators ? await emulatorLink(input.email) : undefined;
  const flag = target.emulators ? '--emulators' : `--project ${target.projectId}`;
  if (out.json) {
    out.emit({ type: 'admin', ...outcome, project: target.projectId, ...(link ? { link } : {}) });
    return 0;
  }
  out.info(`Đã ${outcome.created ? 'tạo' : 'cập nhật'} quản trị viên ${outcome.email} (uid ${outcome.uid}), cơ quan ${outcome.agencyId}`, `administrator ${outcome.created ? 'created' : 'updated'}`);
  if (outcome.invitationSent) {
    out.info(
      `Firebase Auth đã gửi tới ${outcome.email} một liên kết dùng một lần để đặt mật khẩu`,
      'Firebase Auth emailed a one-time link to choose a password (the account has none until then)',
    );
    if (link) console.log(`    ${link}`);
  } else out.info('Tài khoản đã đặt mật khẩu: không gửi lại lời mời', 'the account has chosen its password: no invitation sent');
  console.log(`
Tiếp theo / Next:
  1. Mở thư, đặt mật khẩu, đăng nhập tại ${origin}/can-bo/ (quản trị: ${origin}/quan-tri/)
     Open the email, choose a password, sign in.
  2. Chạy thử rồi nhập thủ tục / dry-run, then import the procedures:
       npm run admin -- import-procedures <thu-tuc.xlsx> ${flag} --dry-run
       npm run admin -- import-procedures <thu-tuc.xlsx> ${flag}
  3. Mời cán bộ / invite the officers:
       npm run admin -- import-officers <can-bo.csv> ${flag}
     (hoặc từng người trong trang quản trị / or one by one in the console)
  4. Kiểm tra lịch làm việc năm nay và năm sau (calendars/) / check this and next year's working calendars
  docs/OPERATIONS.md: sao lưu, cảnh báo, TTL / backups, alerts, TTL`);
  return 0;
}

async function runCheck(options: ReturnType<typeof parse>['values']): Promise<number> {
  const sample = Number(options.sample);
  if (!Number.isInteger(sample) || sample < 0 || sample > 1000) throw new UsageError('--sample: 0–1000');
  const out = makeOutput(options.json);
  const target = await connect(options);
  const result = await checkData(target.db, { sample });
  const database = options.database ?? '(default)';
  if (out.json) {
    out.emit({ type: 'check', project: target.projectId, database, ...result });
  } else {
    out.info(`Kiểm tra ${target.projectId}, cơ sở dữ liệu ${database}`, `checking ${target.projectId}, database ${database}`);
    for (const [name, count] of Object.entries(result.counts)) console.log(`  ${name.padEnd(14)} ${count}`);
    out.info(
      `Chuỗi sự kiện: ${result.chains.checked} hồ sơ mới nhất, ${result.chains.events} sự kiện, ${result.chains.broken.length} bị hỏng`,
      `event chains: ${result.chains.checked} latest dossiers, ${result.chains.events} events, ${result.chains.broken.length} broken`,
    );
    for (const b of result.chains.broken) console.log(`  ! ${b.dossierId}: broken at version ${b.brokenAtVersion}`);
  }
  return result.chains.broken.length > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const { values, command, file, extra } = parse();
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (extra.length > 0) throw new UsageError(`Thừa tham số / unexpected arguments: ${extra.join(' ')}`);
  switch (command) {
    case 'create-admin':
      return createAdmin(values);
    case 'import-agencies':
      return runImport('agencies', file, values);
    case 'import-procedures':
      return runImport('procedures', file, values);
    case 'import-officers':
      return runImport('officers', file, values);
    case 'check-data':
      if (file) throw new UsageError(`Thừa tham số / unexpected argument: ${file}`);
      return runCheck(values);
    case 'backfill-work-by': {
      if (file) throw new UsageError(`Thừa tham số / unexpected argument: ${file}`);
      const target = await connect(values);
      const r = await backfillWorkBy(target.db);
      console.log(`Hàng đợi: ${r.written} hồ sơ được ghi workBy / ${r.scanned} đã đọc (${r.skipped} bỏ qua vì vừa thay đổi) — queue order: ${r.written} of ${r.scanned} dossiers written (${r.skipped} skipped, changed meanwhile)`);
      return 0;
    }
    default:
      throw new UsageError(`Không có lệnh / no command "${command}"\n\n${USAGE}`);
  }
}

try {
  process.exitCode = await main();
} catch (err) {
  const json = process.argv.includes('--json');
  const message =
    err instanceof TableFileError ? err.reason : err instanceof ApiError ? err.bilingual : err instanceof UsageError ? { vi: err.message, en: err.message } : undefined;
  if (json) process.stdout.write(`${JSON.stringify({ type: 'error', message: message ?? { vi: String(err), en: String(err) } })}\n`);
  else if (err instanceof UsageError) console.error(err.message);
  else if (message) console.error(`${message.vi}\n${message.en}`);
  else console.error(err);
  process.exitCode = 2;
}
// firebase-admin keeps sockets open, so exit explicitly, but only once stdout has taken every line: into
// a pipe (--json read by a program) writes are asynchronous, and exiting at once would cut the report.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
process.exit(process.exitCode);
