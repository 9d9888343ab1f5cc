import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { type AppsScriptFakes, type FakeOptions, createAppsScriptFakes } from '../fakes/appsScript';

/** The bundle's top-level functions, called as Apps Script would call them. */
export type AddonGlobals = { [name: string]: any };

export const DIST = path.resolve(__dirname, '../../dist');

/** The built dist/Code.js in a fresh vm context whose only globals are the Apps Script fakes. */
export function loadAddon(
  options: Omit<FakeOptions, 'DateCtor' | 'files'> & {
    readonly now?: Date;
    /** How long one MailApp.sendEmail takes on the pinned clock (real sends take about a second; a slow day, more). */
    readonly mailSendMs?: number;
  },
): { context: AddonGlobals; fakes: AppsScriptFakes } {
  const context = vm.createContext({});
  const DateCtor = vm.runInContext('Date', context) as DateConstructor;
  // Pins the clock for `new Date()` inside the bundle (it moves only when a send takes time);
  // prototype stays shared, so instanceof Date holds.
  const clock = { now: options.now?.getTime() ?? 0 };
  if (options.now) {
    const pin = vm.runInContext(
      `(function (clock) { var R = Date; function D() { if (!new.target) return R(); return arguments.length ? new (Function.prototype.bind.apply(R, [null].concat([].slice.call(arguments))))() : new R(clock.now); }
        D.prototype = R.prototype; D.now = function () { return clock.now; }; D.UTC = R.UTC; D.parse = R.parse; globalThis.Date = D; })`,
      context,
    ) as (clock: { now: number }) => void;
    pin(clock);
  }
  const fakes = createAppsScriptFakes({ ...options, DateCtor, files: { sidebar: readFileSync(path.join(DIST, 'sidebar.html'), 'utf8') } });
  if (options.mailSendMs) {
    const send = fakes.globals.MailApp.sendEmail;
    fakes.globals.MailApp.sendEmail = (message: Parameters<typeof send>[0]) => {
      clock.now += options.mailSendMs!;
      return send(message);
    };
  }
  Object.assign(context, fakes.globals);
  vm.runInContext(readFileSync(path.join(DIST, 'Code.js'), 'utf8'), context, { filename: 'Code.js' });
  return { context: context as AddonGlobals, fakes };
}

/** Results cross the vm boundary as google.script.run would send them: plain JSON. */
export const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
