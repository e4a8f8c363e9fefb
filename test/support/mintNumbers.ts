import { TableClient } from '@azure/data-tables';
import { RecordTable } from '../../bot/storage/recordTable';

/**
 * A separate process minting incident numbers from the shared storage, as a second bot instance
 * would: `node mintNumbers.js <connection string> <count>` prints the numbers it got, as JSON.
 */
async function main(): Promise<void> {
  const [connection, count] = process.argv.slice(2);
  const table = new RecordTable<object>(TableClient.fromConnectionString(connection, 'incidents', { allowInsecureConnection: true }));
  const numbers = await Promise.all(Array.from({ length: Number(count) }, () => table.nextNumber('sequence', 'incident')));
  process.stdout.write(JSON.stringify(numbers));
}

void main().catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exit(1);
});
