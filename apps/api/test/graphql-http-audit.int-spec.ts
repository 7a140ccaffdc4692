import { serverAudits } from 'graphql-http';
import { startTestApi, TestApi } from './test-api';

/**
 * #12 "done means": graphql-http's server audit (the GraphQL-over-HTTP spec's checks) against the real
 * API. Every MUST passes; the SHOULD/MAY results are listed by the second test so a regression there is
 * visible in the output without failing the build on recommendations.
 */
describe('GraphQL over HTTP audit (graphql-http serverAudits)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  const audits = () => serverAudits({ url: `${api.url}/graphql`, fetchFn: fetch });

  it('passes every MUST', async () => {
    const must = audits().filter((a) => a.name.startsWith('MUST'));
    expect(must.length).toBeGreaterThan(10);
    const failed: string[] = [];
    for (const audit of must) {
      const result = await audit.fn();
      if (result.status !== 'ok') failed.push(`${audit.id} ${audit.name}: ${result.reason}`);
    }
    expect(failed).toEqual([]);
  });

  it('answers every SHOULD and MAY without a server error', async () => {
    const rest = audits().filter((a) => !a.name.startsWith('MUST'));
    const report: string[] = [];
    for (const audit of rest) {
      const result = await audit.fn();
      if (result.status !== 'ok') report.push(`${result.status} ${audit.name}: ${result.reason}`);
      if (result.status === 'error') expect(result.response.status).toBeLessThan(500);
    }
    // Not a failure: recommendations the API does not follow, printed for the record.
    if (report.length) console.info(`graphql-http SHOULD/MAY not followed:\n${report.join('\n')}`);
  });
});
