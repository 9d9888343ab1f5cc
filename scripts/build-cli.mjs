export async function buildCli() {}
