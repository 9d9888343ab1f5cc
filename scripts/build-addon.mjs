export async function buildAddon() {}
