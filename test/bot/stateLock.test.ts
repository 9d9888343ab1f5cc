import { type BotWorld, startBotWorld } from './harness';
import { type ReplicaLauncher, replicaLauncher } from '../support/replicas';

describe('the bot state lock', () => {
  let world: BotWorld;
  let launcher: ReplicaLauncher;
  beforeAll(async () => {
    launcher = await replicaLauncher();
  });
  afterAll(async () => {
    await launcher.close();
  });
  beforeEach(async () => {
    world = await startBotWorld();
    await world.bot.stop();
  });
  afterEach(async () => {
    await world.close();
  });

  const otherBot = () => launcher.start({ env: world.env, options: { sheetsRootUrl: world.sheets.rootUrl, statePath: world.statePath, webApiRetries: 0, runLoops: false } });

  it('is taken over at once when the bot holding it was killed (its pid is gone)', async () => {
    const killed = await otherBot();
    await killed.kill();
    // Before, this refused for 30 s ("Another Facturas bot is using …") until the lock went stale.
    await world.restart();
    expect(world.bot.port).toBeGreaterThan(0);
  });

  it('still refuses while the bot holding it runs, naming its pid', async () => {
    const running = await otherBot();
    await expect(world.restart()).rejects.toThrow(new RegExp(`Another Facturas bot \\(pid ${running.pid} on .*\\) is using`));
    expect(await running.stop()).toBe(0);
    await world.restart();
    expect(world.bot.port).toBeGreaterThan(0);
  });
});
