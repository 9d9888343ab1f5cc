import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Pool } from 'pg';
import { openText, sealText } from './secretBox';

/** Bolt's installation store in PostgreSQL, plus the workbook each workspace's admin chose. */
export interface WorkspaceInstallations extends InstallationStore {
  deleteInstallation(query: InstallationQuery<boolean>): Promise<void>;
  sheetOf(teamId: string): Promise<string | undefined>;
  setSheet(teamId: string, sheetId: string): Promise<boolean>;
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
  };
}
