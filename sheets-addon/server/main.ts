/// <reference types="google-apps-script" />
// The server entry: every function Apps Script may call is listed in `entryPoints` below, and the
// build (scripts/build.mjs) turns exactly those into top-level functions of dist/Code.js.
import { formatIssue, type Issue } from '../../core';
import { type ServerApi, type ServerFunctionName, SIDEBAR_FUNCTIONS, createServerApi } from './api';
import type { AddonPorts } from './ports';
import { appsScriptSpreadsheetPort } from './adapters/spreadsheetPort';
import { appsScriptMailPort } from './adapters/mailPort';
import { appsScriptSessionPort } from './adapters/sessionPort';
import { appsScriptReminderPort } from './adapters/reminderPort';
import { type ReminderRunReport, createRemindersApi } from './remindersApi';

// Built on each call, never at load time: in AuthMode.NONE touching a service would fail.
const ports = (): AddonPorts => ({ sheet: appsScriptSpreadsheetPort(), mail: appsScriptMailPort(), session: appsScriptSessionPort(), environment: 'apps-script' });
const api = () => createServerApi(ports());
const remindersApi = () => createRemindersApi(ports(), appsScriptReminderPort());

const SIDEBAR_FILE = 'sidebar';
const TITLE = 'Facturas';

const alertIssues = (issues: readonly Issue[]): void => {
  SpreadsheetApp.getUi().alert(TITLE, issues.map((i) => formatIssue(i, 'es')).join('\n'), SpreadsheetApp.getUi().ButtonSet.OK);
};

// ---------------------------------------------------------------- menu

/** Builds the menu only: in AuthMode.NONE (add-on not yet used in this file) no data may be read. */
function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Abrir panel', 'showSidebar')
    .addItem('Preparar planilla', 'setupWorkbook')
    .addSeparator()
    .addItem('Libro de Ventas de un mes…', 'promptLibroDeVentas')
    .addItem('Resumen por estado de pago', 'statusSummarySheet')
    .addItem('Antigüedad de saldos', 'agingSheet')
    .addItem('Informes en el panel', 'showReports')
    .addToUi();
}

function onInstall(event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  onOpen(event);
}

function openSidebar(initialView: 'list' | 'reports'): void {
  const output = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(TITLE);
  if (initialView !== 'list') output.append(`<script>window.__FACTURAS_VIEW__=${JSON.stringify(initialView)};</script>`);
  SpreadsheetApp.getUi().showSidebar(output);
}

function showSidebar(): void {
  openSidebar('list');
}

function showReports(): void {
  openSidebar('reports');
}

function setupWorkbook(): void {
  const report = api().setupWorkbook();
  const labels = { created: 'creada', completed: 'completada', unchanged: 'sin cambios' } as const;
  const lines = report.tabs.map((tab) => `${tab.name}: ${labels[tab.result]}`);
  if (report.editTrigger) lines.push('Los cambios manuales de Estado quedan en Historial.');
  if (remindersApi().ensureDailyTrigger()) lines.push('Los recordatorios de cobranza se envían cada mañana.');
  SpreadsheetApp.getUi().alert('Planilla preparada', lines.join('\n'), SpreadsheetApp.getUi().ButtonSet.OK);
}

function promptLibroDeVentas(): void {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt('Libro de Ventas', 'Mes (AAAA-MM), por ejemplo 2026-10:', ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const made = api().createReportSheet({ report: 'libro-ventas', period: answer.getResponseText().trim(), locale: 'es' });
  if (!made.ok) alertIssues(made.issues);
}

function statusSummarySheet(): void {
  const made = api().createReportSheet({ report: 'status', locale: 'es' });
  if (!made.ok) alertIssues(made.issues);
}

function agingSheet(): void {
  const made = api().createReportSheet({ report: 'aging', locale: 'es' });
  if (!made.ok) alertIssues(made.issues);
}

// ---------------------------------------------------------------- installable trigger

/** Installed by setup (ScriptApp.newTrigger): records manual edits of the Estado column in Historial. */
/** Every hand edit of a workbook tab is counted, so open sidebars see the sheet changed and reload. */
function onEstadoEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = event.range;
  api().recordManualStateEdit({
    sheetName: range.getSheet().getName(),
    row: range.getRow(),
    column: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
    oldValue: event.oldValue,
    user: event.user?.getEmail?.() ?? '',
  });
}

/** Installed by setup: every morning, the day's collection reminders (stops before the quota or six minutes; the next run resumes). */
function sendDailyReminders(): ReminderRunReport {
  return remindersApi().sendReminders('programado');
}

// ---------------------------------------------------------------- what Apps Script may call

/** Each sidebar function bound to Apps Script's services at call time. */
export const serverApi = Object.fromEntries(SIDEBAR_FUNCTIONS.map((name) => [name, (...args: unknown[]) => (api()[name] as (...a: unknown[]) => unknown)(...args)])) as {
  [K in ServerFunctionName]: ServerApi[K];
};

export const entryPoints = {
  onOpen,
  onInstall,
  showSidebar,
  showReports,
  setupWorkbook,
  promptLibroDeVentas,
  statusSummarySheet,
  agingSheet,
  onEstadoEdit,
  sendDailyReminders,
  ...serverApi,
};
