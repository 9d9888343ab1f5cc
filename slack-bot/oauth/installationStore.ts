import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Pool } from 'pg';
import { openText, sealText } from './secretBox';

/** Bolt's installation store in PostgreSQL, plus the workbook each workspace's admin chose. */
export interface WorkspaceInstallations extends InstallationStore {
  deleteInstallation(query: InstallationQuery<boolean>): Promise<void>;
  sheetOf(teamId: string): Promise<string | undefined>;
  setSheet(teamId: string, sheetId: string): Promise<boolean>;
  setNotifyChannel(teamId: string, channel: string): Promise<boolean>;
  setManagers(teamId: string, managerIds: readonly string[]): Promise<boolean>;
  /** Every installation with a workbook chosen: what the notifier and the daily alert go through on each round. */
  configured(): Promise<ConfiguredWorkspace[]>;
}

/** One installed workspace with its workbook; channel and managers absent when its admin set none. */
export interface ConfiguredWorkspace {
  readonly teamId: string;
  readonly sheetId: string;
  readonly notifyChannel: string | undefined;
  readonly managerIds: readonly string[] | undefined;
}

const teamOf = (query: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean }): string => {
  // Org-wide (Enterprise Grid) installs are keyed by the enterprise; the bot is sold per workspace.
  const id = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
  if (!id) throw new Error('installation without a team id');
  return id;
};

/**
 * Installations are stored whole (Bolt's shape) as JSON sealed with FACTURAS_SECRET_KEY, so the
 * bot token never sits in the database in clear; uninstalling deletes the row, tokens included.
 */
export function postgresInstallations(pool: Pool, key: Buffer): WorkspaceInstallations {
  return {
    async storeInstallation(installation: Installation) {
      const team = teamOf({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall ?? false });
      await pool.query(
        `INSERT INTO facturas_installations (team_id, enterprise_id, installation) VALUES ($1, $2, $3)
         ON CONFLICT (team_id) DO UPDATE SET installation = EXCLUDED.installation, enterprise_id = EXCLUDED.enterprise_id, updated_at = now()`,
        [team, installation.enterprise?.id ?? null, sealText(key, JSON.stringify(installation), team)],
      );
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const team = teamOf(query);
      const found = await pool.query<{ installation: string }>('SELECT installation FROM facturas_installations WHERE team_id = $1', [team]);
      const row = found.rows[0];
      if (!row) throw new Error(`workspace ${team} has not installed the app`);
      return JSON.parse(openText(key, row.installation, team)) as Installation<'v1' | 'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await pool.query('DELETE FROM facturas_installations WHERE team_id = $1', [teamOf(query)]);
    },
    async sheetOf(teamId) {
      const found = await pool.query<{ sheet_id: string | null }>('SELECT sheet_id FROM facturas_installations WHERE team_id = $1', [teamId]);
      return found.rows[0]?.sheet_id ?? undefined;
    },
    async setSheet(teamId, sheetId) {
      const updated = await pool.query('UPDATE facturas_installations SET sheet_id = $2, updated_at = now() WHERE team_id = $1', [teamId, sheetId]);
      return (updated.rowCount ?? 0) > 0;
    },
    async setNotifyChannel(teamId, channel) {
      const updated = await pool.query('UPDATE facturas_installations SET notify_channel = $2, updated_at = now() WHERE team_id = $1', [teamId, channel]);
      return (updated.rowCount ?? 0) > 0;
    },
    async setManagers(teamId, managerIds) {
      const updated = await pool.query('UPDATE facturas_installations SET manager_ids = $2, updated_at = now() WHERE team_id = $1', [teamId, [...managerIds]]);
      return (updated.rowCount ?? 0) > 0;
    },
    async configured() {
      const found = await pool.query<{ team_id: string; sheet_id: string; notify_channel: string | null; manager_ids: string[] | null }>(
        'SELECT team_id, sheet_id, notify_channel, manager_ids FROM facturas_installations WHERE sheet_id IS NOT NULL ORDER BY team_id',
      );
      return found.rows.map((row) => ({
        teamId: row.team_id,
        sheetId: row.sheet_id,
        notifyChannel: row.notify_channel ?? undefined,
        managerIds: row.manager_ids && row.manager_ids.length > 0 ? row.manager_ids : undefined,
      }));
    },
  };
}
