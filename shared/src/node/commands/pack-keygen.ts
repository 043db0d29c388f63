import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import { defineCommand, UsageError } from '../command.ts';
import { generatePackKeyPair } from '../../core/pack-signing/index.ts';

/** Creates a file that must not exist yet, with the given mode (0600 for the private key). */
async function createFile(file: string, text: string, mode: number): Promise<void> {
  const handle = await open(file, 'wx', mode);
  try {
    await handle.writeFile(text);
    await handle.chmod(mode); // the umask may have taken bits away; never added any
  } finally {
    await handle.close();
  }
}

export const packKeygenCommand = defineCommand({
  name: ['pack', 'keygen'],
  summary: '生成定义包签名密钥对（ECDSA P-256）/ make a pack-signing key pair (ECDSA P-256)',
  usage: 'lvzhi pack keygen -o NAME [--name "签名单位"]   → NAME.private.json (0600) + NAME.public.json',
  options: {
    output: { type: 'string', short: 'o' },
    name: { type: 'string' },
  },
  async run({ values, positionals, cwd, out }) {
    if (!values.output) throw new UsageError('give -o NAME (writes NAME.private.json and NAME.public.json)');
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const base = path.resolve(cwd, values.output.replace(/\.(private|public)\.json$/, ''));
    const privateFile = `${base}.private.json`;
    const publicFile = `${base}.public.json`;
    const { privateJwk, publicJwk } = await generatePackKeyPair(values.name ? { name: values.name } : {});
    // 'wx': an existing key is never overwritten (a lost private key cannot be recovered).
    try {
      await createFile(privateFile, JSON.stringify(privateJwk, null, 2) + '\n', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${path.relative(cwd, privateFile)} already exists; not overwritten`);
      throw e;
    }
    try {
      await createFile(publicFile, JSON.stringify(publicJwk, null, 2) + '\n', 0o644);
    } catch (e) {
      await rm(privateFile, { force: true });
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${path.relative(cwd, publicFile)} already exists; not overwritten`);
      throw e;
    }
    out(`私钥（保密，仅用于签名）/ private key (keep secret): ${path.relative(cwd, privateFile)}`);
    out(`公钥（分发给各浏览器，加入信任）/ public key (give to browsers to trust): ${path.relative(cwd, publicFile)}`);
    out(`kid: ${publicJwk.kid}`);
    return 0;
  },
});
