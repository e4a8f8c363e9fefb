import assert from 'node:assert/strict';
import { Logger } from '../../bot/host/logger';

describe('JSON logs', () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, logger: new Logger('info', { service: 'test' }, (line) => lines.push(line)) };
  };

  it('writes one JSON object a line with time, level, message and context', () => {
    const { lines, logger } = capture();
    logger.child({ correlationId: 'abc' }).info('hello', { n: 1 });
    const entry = JSON.parse(lines[0]);
    assert.equal(entry.level, 'info');
    assert.equal(entry.msg, 'hello');
    assert.equal(entry.correlationId, 'abc');
    assert.equal(entry.service, 'test');
    assert.equal(entry.n, 1);
    assert.ok(Date.parse(entry.time));
  });

  it('redacts secrets by key, however deep', () => {
    const { lines, logger } = capture();
    logger.info('x', { passwordProfile: { password: 'Hunter2!' }, nested: { clientSecret: 's3cr3t', ok: 'visible' } });
    assert.ok(!lines[0].includes('Hunter2!'));
    assert.ok(!lines[0].includes('s3cr3t'));
    assert.ok(lines[0].includes('visible'));
  });

  it('redacts secrets inside strings: storage keys and bearer tokens', () => {
    const { lines, logger } = capture();
    logger.error('failed', { error: new Error('AccountName=dev;AccountKey=abcdEFGH==;BlobEndpoint=x with Bearer eyJhbGciOi.x.y') });
    assert.ok(!lines[0].includes('abcdEFGH'));
    assert.ok(!lines[0].includes('eyJhbGciOi'));
    assert.ok(lines[0].includes('AccountKey=[redacted]'));
  });

  it('drops messages below its level', () => {
    const lines: string[] = [];
    new Logger('warn', {}, (l) => lines.push(l)).info('quiet');
    assert.equal(lines.length, 0);
  });
});
