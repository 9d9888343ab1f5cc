import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  /** Web API method (`chat.postMessage`), `response_url` or `file_upload`. */
  readonly method: string;
  readonly args: Record<string, unknown>;
  /** Raw bytes, for file uploads. */
  readonly bytes?: Buffer;
  readonly ok: boolean;
  readonly error?: string;
}

export interface FakeSlackIdentity {
  readonly teamId: string;
  readonly appId: string;
  readonly botId: string;
  readonly botUserId: string;
  readonly token: string;
}

export interface PostedMessage {
  readonly channel: string;
  readonly ts: string;
  readonly text: string;
  readonly blocks?: unknown;
  readonly metadata?: { event_type: string; event_payload: Record<string, unknown> };
  /** The workspace whose bot token posted it. */
  readonly teamId?: string;
}

export interface FakeSlackApi {
  /** Pass as SLACK_API_URL / slackApiUrl (ends in /api/). */
  readonly apiUrl: string;
  readonly baseUrl: string;
  readonly identity: FakeSlackIdentity;
  readonly calls: SlackCall[];
  readonly messages: PostedMessage[];
  /** A response_url the fake accepts, as Slack puts one in commands and actions. */
  responseUrl(tag: string): string;
  callsTo(method: string): SlackCall[];
  /** The next call to this method answers HTTP 429 with Retry-After. */
  rateLimitNext(method: string, retryAfterSeconds: number): void;
  /**
   * The next call to this method is carried out (a post is posted) but its answer is lost:
   * `http500` answers 500, `reset` drops the connection, `hang` never answers (until close).
   */
  loseAnswerNext(method: string, how: LostAnswer, times?: number): void;
  /** Calls carried out whose answer is being withheld (`hang`). */
  readonly hanging: number;
  /** The app's OAuth credentials (Basic Information > App Credentials), for oauth.v2.access. */
  readonly oauthClient: { readonly clientId: string; readonly clientSecret: string };
  /**
   * Another workspace, as if a user there had approved the app: the code Slack would put on the
   * redirect (one use, for oauth.v2.access) and the bot token it is exchanged for.
   */
  addWorkspace(partial: Pick<FakeSlackIdentity, 'teamId'> & Partial<FakeSlackIdentity>): { identity: FakeSlackIdentity; code: string };
  /** A user users.info knows, with the workspace roles Slack reports. */
  addUser(teamId: string, user: { id: string; isAdmin?: boolean; isOwner?: boolean }): void;
  /** The app uninstalled from a workspace: its token stops working (invalid_auth / token_revoked). */
  revokeWorkspace(teamId: string): void;
  close(): Promise<void>;
}

export type LostAnswer = 'http500' | 'reset' | 'hang';

const MESSAGE_BLOCK_LIMIT = 50;
/** conversations.history's documented default and maximum page sizes. */
const HISTORY_DEFAULT_LIMIT = 100;
const HISTORY_MAX_LIMIT = 999;
const VIEW_BLOCK_LIMIT = 100;
const JSON_ARGS = ['blocks', 'view', 'metadata', 'attachments', 'files'];

type Json = Record<string, unknown>;

/** Block Kit's published limits; the first broken one, or undefined. */
export function blockKitProblem(blocks: unknown, maxBlocks: number): string | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return 'blocks is not an array';
  if (blocks.length > maxBlocks) return `more than ${maxBlocks} blocks (${blocks.length})`;
  const textProblem = (text: unknown, max: number, where: string): string | undefined => {
    if (text === undefined) return undefined;
    const value = (text as Json)?.['text'];
    if (typeof value !== 'string' || value.length === 0) return `${where}: text object without text`;
    return value.length > max ? `${where}: text longer than ${max} (${value.length})` : undefined;
  };
  for (const [index, raw] of blocks.entries()) {
    const block = raw as Json;
    const where = `blocks[${index}]`;
    if (typeof block['block_id'] === 'string' && block['block_id'].length > 255) return `${where}: block_id too long`;
    switch (block['type']) {
      case 'section': {
        if (block['text'] === undefined && block['fields'] === undefined) return `${where}: section needs text or fields`;
        const problem = textProblem(block['text'], 3000, where);
        if (problem) return problem;
        const fields = (block['fields'] ?? []) as unknown[];
        if (fields.length > 10) return `${where}: more than 10 fields`;
        for (const field of fields) if (textProblem(field, 2000, `${where}.fields`)) return textProblem(field, 2000, `${where}.fields`);
        const accessory = block['accessory'] as Json | undefined;
        if (accessory) {
          const p = elementProblem(accessory, `${where}.accessory`);
          if (p) return p;
        }
        break;
      }
      case 'header': {
        const problem = textProblem(block['text'], 150, where);
        if (problem) return problem;
        break;
      }
      case 'context': {
        const elements = (block['elements'] ?? []) as Json[];
        if (elements.length === 0 || elements.length > 10) return `${where}: context needs 1 to 10 elements`;
        for (const element of elements) if (typeof element['text'] === 'string' && element['text'].length > 3000) return `${where}: context text too long`;
        break;
      }
      case 'actions': {
        const elements = (block['elements'] ?? []) as Json[];
        if (elements.length === 0 || elements.length > 25) return `${where}: actions needs 1 to 25 elements`;
        for (const element of elements) {
          const p = elementProblem(element, `${where}.elements`);
          if (p) return p;
        }
        break;
      }
      case 'input': {
        const problem = textProblem(block['label'], 2000, `${where}.label`);
        if (problem) return problem;
        break;
      }
      case 'divider':
        break;
      default:
        return `${where}: unsupported block type ${String(block['type'])}`;
    }
  }
  return undefined;
}

function elementProblem(element: Json, where: string): string | undefined {
  if (element['type'] === 'button') {
    const text = (element['text'] as Json | undefined)?.['text'];
    if (typeof text !== 'string' || text.length === 0 || text.length > 75) return `${where}: button text must be 1 to 75 characters`;
    if (typeof element['value'] === 'string' && element['value'].length > 2000) return `${where}: button value too long`;
  }
  if (typeof element['action_id'] === 'string' && element['action_id'].length > 255) return `${where}: action_id too long`;
  return undefined;
}

/**
 * A local Slack Web API: records every call, answers the methods the bot uses with
 * Slack's documented shapes and refuses payloads over Block Kit's limits with `invalid_blocks`.
 */
export async function startFakeSlackApi(partial: Partial<FakeSlackIdentity> = {}): Promise<FakeSlackApi> {
  const identity: FakeSlackIdentity = { teamId: 'T0FACTURAS', appId: 'A0FACTURAS', botId: 'B0FACTURAS', botUserId: 'U0BOT', token: 'xoxb-test-token', ...partial };
  const oauthClient = { clientId: '1234567890.0987654321', clientSecret: 'fake-client-secret-6c1d' };
  /** Every bot token in use, to its workspace. */
  const workspaces = new Map<string, FakeSlackIdentity>([[identity.token, identity]]);
  const revoked = new Set<string>();
  const codes = new Map<string, FakeSlackIdentity>();
  const users = new Map<string, { id: string; teamId: string; isAdmin: boolean; isOwner: boolean }>();
  const calls: SlackCall[] = [];
  const messages: PostedMessage[] = [];
  const limited = new Map<string, number>();
  const losing = new Map<string, { how: LostAnswer; times: number }>();
  const withheld = new Set<ServerResponse>();
  let counter = 0;
  let baseUrl = '';

  // Like Slack's: the epoch second it was posted and a sequence, so `oldest` works on it and it only grows.
  const nextTs = (): string => `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, '0')}`;

  async function readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  function parseArgs(req: IncomingMessage, raw: Buffer): Json {
    const type = String(req.headers['content-type'] ?? '');
    if (raw.length === 0) return {};
    if (type.includes('application/json')) return JSON.parse(raw.toString('utf8')) as Json;
    const args: Json = {};
    new URLSearchParams(raw.toString('utf8')).forEach((value, key) => {
      args[key] = JSON_ARGS.includes(key) ? JSON.parse(value) : value;
    });
    return args;
  }

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  function answer(method: string, args: Json, identity: FakeSlackIdentity): Json {
    const messageProblem = (): string | undefined => {
      if (typeof args['text'] === 'string' && args['text'].length > 40_000) return 'msg_too_long';
      return blockKitProblem(args['blocks'], MESSAGE_BLOCK_LIMIT) ? 'invalid_blocks' : undefined;
    };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://facturas-test.slack.com/',
          team: 'Facturas Test',
          user: 'facturas',
          team_id: identity.teamId,
          user_id: identity.botUserId,
          bot_id: identity.botId,
          app_id: identity.appId,
          is_enterprise_install: false,
        };
      case 'chat.postMessage': {
        const error = messageProblem();
        if (error) return { ok: false, error };
        if (typeof args['channel'] !== 'string') return { ok: false, error: 'channel_not_found' };
        if (args['text'] === undefined && args['blocks'] === undefined) return { ok: false, error: 'no_text' };
        const message: PostedMessage = {
          channel: args['channel'],
          ts: nextTs(),
          text: String(args['text'] ?? ''),
          blocks: args['blocks'],
          metadata: args['metadata'] as PostedMessage['metadata'],
          teamId: identity.teamId,
        };
        messages.push(message);
        return { ok: true, channel: message.channel, ts: message.ts, message: { type: 'message', text: message.text, ts: message.ts, bot_id: identity.botId } };
      }
      case 'chat.postEphemeral': {
        const error = messageProblem();
        if (error) return { ok: false, error };
        return { ok: true, message_ts: nextTs() };
      }
      case 'views.open':
      case 'views.publish':
      case 'views.update': {
        const view = args['view'] as Json | undefined;
        if (!view) return { ok: false, error: 'invalid_arguments' };
        if (method === 'views.open' && typeof args['trigger_id'] !== 'string') return { ok: false, error: 'invalid_trigger_id' };
        if (method === 'views.publish' && typeof args['user_id'] !== 'string') return { ok: false, error: 'invalid_arguments' };
        if (method === 'views.update' && typeof args['view_id'] !== 'string' && typeof args['external_id'] !== 'string') return { ok: false, error: 'invalid_arguments' };
        if (blockKitProblem(view['blocks'], VIEW_BLOCK_LIMIT)) return { ok: false, error: 'invalid_blocks' };
        if (typeof view['private_metadata'] === 'string' && view['private_metadata'].length > 3000) return { ok: false, error: 'invalid_arguments' };
        return { ok: true, view: { id: `V${++counter}`, team_id: identity.teamId, ...view } };
      }
      case 'users.info': {
        const user = users.get(String(args['user'] ?? ''));
        if (!user || user.teamId !== identity.teamId) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id: user.id,
            team_id: user.teamId,
            name: user.id.toLowerCase(),
            deleted: false,
            is_bot: false,
            is_admin: user.isAdmin,
            is_owner: user.isOwner,
            is_primary_owner: false,
            is_restricted: false,
            is_ultra_restricted: false,
            tz: 'America/Santiago',
          },
        };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args['users'] ?? '').split(',')[0]}` } };
      case 'conversations.history': {
        // Newest first; `oldest`/`latest` exclusive unless `inclusive`; pages by an opaque cursor.
        const channel = String(args['channel'] ?? '');
        const limit = Math.min(Number(args['limit'] ?? HISTORY_DEFAULT_LIMIT) || HISTORY_DEFAULT_LIMIT, HISTORY_MAX_LIMIT);
        const inclusive = args['inclusive'] === true || args['inclusive'] === 'true' || args['inclusive'] === '1';
        const oldest = args['oldest'] === undefined ? undefined : Number(args['oldest']);
        const latest = args['latest'] === undefined ? undefined : Number(args['latest']);
        const offset = args['cursor']
          ? Number(
              Buffer.from(String(args['cursor']), 'base64')
                .toString('utf8')
                .replace(/^offset:/, ''),
            )
          : 0;
        if (!Number.isInteger(offset) || offset < 0) return { ok: false, error: 'invalid_cursor' };
        const inRange = messages
          .filter((m) => {
            if (m.channel !== channel) return false;
            const ts = Number(m.ts);
            if (oldest !== undefined && (inclusive ? ts < oldest : ts <= oldest)) return false;
            if (latest !== undefined && (inclusive ? ts > latest : ts >= latest)) return false;
            return true;
          })
          .reverse();
        const found = inRange.slice(offset, offset + limit);
        const hasMore = offset + limit < inRange.length;
        return {
          ok: true,
          has_more: hasMore,
          pin_count: 0,
          messages: found.map((m) => ({ type: 'message', ts: m.ts, text: m.text, bot_id: identity.botId, ...(args['include_all_metadata'] && m.metadata ? { metadata: m.metadata } : {}) })),
          response_metadata: { next_cursor: hasMore ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '' },
        };
      }
      case 'files.getUploadURLExternal': {
        if (!args['filename'] || !args['length']) return { ok: false, error: 'invalid_arguments' };
        const fileId = `F${++counter}`;
        return { ok: true, upload_url: `${baseUrl}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = (args['files'] ?? []) as Json[];
        return { ok: true, files: files.map((f) => ({ id: f['id'], title: f['title'] ?? '' })) };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const raw = await readBody(req);
      if (url.pathname.startsWith('/upload/')) {
        // Slack's upload URL takes the raw bytes or a multipart form with one file field.
        const type = String(req.headers['content-type'] ?? '');
        let bytes = raw;
        if (type.startsWith('multipart/form-data')) {
          const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
          let file: Blob | undefined;
          form.forEach((value) => {
            if (typeof value !== 'string') file ??= value;
          });
          bytes = file ? Buffer.from(await (file as Blob).arrayBuffer()) : Buffer.alloc(0);
        }
        calls.push({ method: 'file_upload', args: { fileId: url.pathname.slice('/upload/'.length), contentType: type }, bytes, ok: true });
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end(`OK - ${raw.length}`);
      }
      if (url.pathname.startsWith('/response/')) {
        const args = parseArgs(req, raw);
        const problem = blockKitProblem(args['blocks'], MESSAGE_BLOCK_LIMIT);
        calls.push({ method: 'response_url', args: { ...args, tag: url.pathname.slice('/response/'.length) }, ok: !problem, ...(problem ? { error: 'invalid_blocks' } : {}) });
        return problem ? send(res, 400, { ok: false, error: 'invalid_blocks', problem }) : send(res, 200, { ok: true });
      }
      const method = url.pathname.replace(/^\/api\//, '');
      const args = { ...Object.fromEntries(url.searchParams), ...parseArgs(req, raw) };
      const retryAfter = limited.get(method);
      if (retryAfter !== undefined) {
        limited.delete(method);
        calls.push({ method, args, ok: false, error: 'ratelimited' });
        return send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
      }
      if (method === 'oauth.v2.access') {
        // No token: the app authenticates with its client id and secret (HTTP Basic or in the body).
        const basic = /^Basic\s+(.+)$/.exec(String(req.headers['authorization'] ?? ''));
        const [clientId, clientSecret] = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':') : [args['client_id'], args['client_secret']];
        const installed = codes.get(String(args['code'] ?? ''));
        const error = clientId !== oauthClient.clientId ? 'invalid_client_id' : clientSecret !== oauthClient.clientSecret ? 'bad_client_secret' : !installed ? 'invalid_code' : undefined;
        calls.push({ method, args: { ...args, client_secret: '[hidden]' }, ok: !error, ...(error ? { error } : {}) });
        if (error || !installed) return send(res, 200, { ok: false, error });
        codes.delete(String(args['code']));
        return send(res, 200, {
          ok: true,
          access_token: installed.token,
          token_type: 'bot',
          scope: 'commands,chat:write,files:write,im:write,channels:history,groups:history,im:history,users:read',
          bot_user_id: installed.botUserId,
          app_id: installed.appId,
          team: { name: `Workspace ${installed.teamId}`, id: installed.teamId },
          enterprise: null,
          authed_user: { id: `U${installed.teamId.slice(1)}INSTALLER` },
          is_enterprise_install: false,
        });
      }
      const auth = String(req.headers['authorization'] ?? '');
      const token = auth.replace(/^Bearer\s+/, '') || String(args['token'] ?? '');
      const caller = workspaces.get(token);
      if (!caller) {
        const error = revoked.has(token) ? 'token_revoked' : 'invalid_auth';
        calls.push({ method, args, ok: false, error });
        return send(res, 200, { ok: false, error });
      }
      const result = answer(method, args, caller);
      const lost = losing.get(method);
      if (lost) {
        if (--lost.times <= 0) losing.delete(method);
        calls.push({ method, args, ok: result['ok'] === true, error: `answer lost (${lost.how})` });
        if (lost.how === 'http500') return send(res, 500, { ok: false, error: 'internal_error' });
        if (lost.how === 'reset') return void req.socket.destroy();
        withheld.add(res);
        return;
      }
      calls.push({ method, args, ok: result['ok'] === true, ...(typeof result['error'] === 'string' ? { error: result['error'] } : {}) });
      send(res, 200, result);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${baseUrl}/api/`,
    baseUrl,
    identity,
    calls,
    messages,
    responseUrl: (tag) => `${baseUrl}/response/${tag}`,
    callsTo: (method) => calls.filter((c) => c.method === method),
    rateLimitNext: (method, retryAfterSeconds) => void limited.set(method, retryAfterSeconds),
    loseAnswerNext: (method, how, times = 1) => void losing.set(method, { how, times }),
    oauthClient,
    addWorkspace(partialIdentity) {
      const suffix = partialIdentity.teamId.slice(1);
      const added: FakeSlackIdentity = { appId: identity.appId, botId: `B${suffix}`, botUserId: `U${suffix}BOT`, token: `xoxb-${suffix.toLowerCase()}-${++counter}`, ...partialIdentity };
      workspaces.set(added.token, added);
      const code = `code-${suffix.toLowerCase()}-${++counter}`;
      codes.set(code, added);
      return { identity: added, code };
    },
    addUser(teamId, user) {
      users.set(user.id, { id: user.id, teamId, isAdmin: user.isAdmin ?? false, isOwner: user.isOwner ?? false });
    },
    revokeWorkspace(teamId) {
      for (const [token, workspace] of workspaces) {
        if (workspace.teamId !== teamId) continue;
        workspaces.delete(token);
        revoked.add(token);
      }
    },
    get hanging() {
      return withheld.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        withheld.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
