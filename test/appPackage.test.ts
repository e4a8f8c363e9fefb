import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { projectPath } from '../bot/host/paths';
import { operationNamedIn } from '../bot/nlu/namedRequests';
import { NlpRecognizer } from '../bot/nlu/nlpRecognizer';
import { buildAppPackage, fillManifest, validatePackage } from '../scripts/appPackage';

const BOT_ID = '0b0b0b0b-1111-2222-3333-444444444444';

/** Width and height from a PNG's IHDR chunk, and whether it has an alpha channel. */
function pngInfo(data: Buffer) {
  assert.equal(data.subarray(1, 4).toString('ascii'), 'PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), alpha: data[25] === 6 };
}

describe('Teams app package (npm run package)', () => {
  it('fills the manifest with the bot id, the app id and the version', () => {
    const manifest = fillManifest({ botId: BOT_ID, botDomain: 'assistant-admin-365.azurewebsites.net', version: '1.2.3' }) as {
      id: string;
      version: string;
      bots: { botId: string }[];
    };
    assert.equal(manifest.bots[0].botId, BOT_ID);
    assert.equal(manifest.id, BOT_ID);
    assert.equal(manifest.version, '1.2.3');
  });

  it('validates against the official Teams v1.22 schemas, localization included', () => {
    assert.deepEqual(validatePackage(fillManifest({ botId: BOT_ID, botDomain: 'assistant-admin-365.azurewebsites.net' })), []);
  });

  it('notices a manifest Teams would refuse', () => {
    const manifest = { ...fillManifest({ botId: BOT_ID, botDomain: 'assistant-admin-365.azurewebsites.net' }), accentColor: 'blue' };
    assert.notDeepEqual(validatePackage(manifest), []);
  });

  it('refuses to package without a valid bot id', async () => {
    await assert.rejects(
      buildAppPackage({ botId: 'my-bot', botDomain: 'assistant-admin-365.azurewebsites.net' }),
      /MicrosoftAppId must be the bot's Entra app id/,
    );
  });

  it('zips the manifest, its English localization and icons of the sizes Teams requires', async () => {
    const zip = await JSZip.loadAsync(await buildAppPackage({ botId: BOT_ID, botDomain: 'assistant-admin-365.azurewebsites.net' }));
    assert.deepEqual(Object.keys(zip.files).sort(), ['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const color = pngInfo(await zip.file('color.png')!.async('nodebuffer'));
    const outline = pngInfo(await zip.file('outline.png')!.async('nodebuffer'));
    assert.deepEqual([color.width, color.height], [192, 192]);
    assert.deepEqual([outline.width, outline.height, outline.alpha], [32, 32, true]);
  });

  it("offers in Teams' command menu, in both languages, only commands the bot understands", async () => {
    const manifest = JSON.parse(readFileSync(projectPath('manifest', 'manifest.json'), 'utf8'));
    const english = JSON.parse(readFileSync(projectPath('manifest', 'en-us.json'), 'utf8')) as Record<string, string>;
    const french = manifest.bots[0].commandLists.flatMap((list: { commands: { title: string }[] }) => list.commands.map((c) => c.title));
    const translated = Object.entries(english)
      .filter(([key]) => /commands\[\d+\]\.title$/.test(key))
      .map(([, title]) => title);
    const recognizer = await NlpRecognizer.train();
    for (const title of [...french, ...translated]) {
      const understood = operationNamedIn(title) !== undefined || (await recognizer.recognize(title)).intent !== 'none';
      assert.ok(understood, `the bot does not understand the command "${title}"`);
    }
    assert.equal(translated.length, french.length);
  });

  it('offers each scope the commands that work there, the helpdesk ones in channels and group chats', () => {
    const manifest = fillManifest({ botId: BOT_ID, botDomain: 'assistant-admin-365.azurewebsites.net' }) as {
      bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    };
    const lists = manifest.bots[0].commandLists;
    const inScope = (scope: string) => lists.filter((l) => l.scopes.includes(scope)).flatMap((l) => l.commands.map((c) => c.title));
    assert.ok(inScope('personal').includes("j'ai oublié mon mot de passe"));
    assert.ok(inScope('team').includes('ce canal est le canal du support'));
    assert.ok(!inScope('team').includes('réinitialiser un mot de passe'), 'a password is never handled in a channel');
  });

  it('declares Teams SSO (webApplicationInfo) for the sign-in app when one is given, and nothing otherwise', () => {
    const SSO = '1a1a1a1a-2222-3333-4444-555555555555';
    const withSso = fillManifest({ botId: BOT_ID, botDomain: 'assistant-admin-365.azurewebsites.net', ssoAppId: SSO }) as {
      webApplicationInfo?: { id: string; resource: string };
      validDomains: string[];
    };
    assert.deepEqual(withSso.webApplicationInfo, { id: SSO, resource: `api://botid-${BOT_ID}` });
    assert.ok(withSso.validDomains.includes('token.botframework.com'), 'the sign-in card opens the Bot Framework token service');
    assert.deepEqual(validatePackage(withSso as Record<string, unknown>), []);
    assert.equal(
      (fillManifest({ botId: BOT_ID, botDomain: 'assistant-admin-365.azurewebsites.net' }) as { webApplicationInfo?: unknown }).webApplicationInfo,
      undefined,
    );
  });

  it('names no Microsoft product and no Teams feature in its full name, in either language (the store validation guidelines, 1.1)', () => {
    const localization = JSON.parse(readFileSync(projectPath('manifest', 'en-us.json'), 'utf8')) as Record<string, string>;
    const manifest = fillManifest({ botId: BOT_ID, botDomain: 'assistant-admin-365.azurewebsites.net' }) as { name: { full: string } };
    for (const full of [manifest.name.full, localization['name.full']]) {
      assert.doesNotMatch(
        full,
        /Microsoft|Teams|Office|Outlook|Exchange|SharePoint|\b(chat|conversation|contacts|calendar|calls|files|activity|apps|help)\b/i,
        full,
      );
    }
  });

  it('links its privacy statement and terms of use to the pages the bot serves on its own domain', () => {
    const manifest = fillManifest({ botId: BOT_ID, botDomain: 'bot.contoso.fr' }) as { developer: { privacyUrl: string; termsOfUseUrl: string } };
    assert.equal(manifest.developer.privacyUrl, 'https://bot.contoso.fr/privacy');
    assert.equal(manifest.developer.termsOfUseUrl, 'https://bot.contoso.fr/terms');
  });
});
