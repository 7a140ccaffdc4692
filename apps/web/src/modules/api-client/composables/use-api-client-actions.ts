import { ref, watch } from 'vue';
import { request } from '@/api/request';
import {
  IssueApiKeyDocument,
  UpdateApiClientDocument,
  type ApiClientRowFragment as Row,
} from '@/graphql/generated/graphql';
import { i18n } from '@/locales';
import { confirmDanger, promptText, showError, showMutationError, showSuccess } from '@/utils/notify';

/**
 * What the list and the client page both do to a client: show a new key once (after create or rotation),
 * issue a key, enable or disable. `replace` puts the changed client in place; `reload` after a conflict.
 */
export function useApiClientActions(opts: { replace: (row: Row) => void; reload: () => unknown }) {
  const t = i18n.global.t;
  const secretVisible = ref(false);
  const secret = ref<string | null>(null);

  function showSecret(value: string): void {
    secret.value = value;
    secretVisible.value = true;
  }

  // Once the dialog is dismissed the key is dropped from the page: it is never shown again.
  watch(secretVisible, (open) => {
    if (!open) secret.value = null;
  });

  /** Rotation: a further key beside the live ones (revoke the old one once the other side has switched). */
  async function issueKey(client: Row): Promise<void> {
    const label = await promptText(t('apiClient.key.issueLabel'), t('apiClient.key.issueTitle'));
    if (label === null) return;
    try {
      const { issueApiKey } = await request(IssueApiKeyDocument, { clientId: client.id, label: label || null });
      opts.replace(issueApiKey.client);
      showSecret(issueApiKey.secret);
    } catch (error) {
      showError(error);
    }
  }

  async function setActive(client: Row, active: boolean): Promise<void> {
    if (!active && !(await confirmDanger(t('apiClient.confirmDisable', { name: client.name }), t('apiClient.disable'))))
      return;
    try {
      const { updateApiClient: row } = await request(UpdateApiClientDocument, {
        input: { id: client.id, version: client.version, active },
      });
      opts.replace(row);
      showSuccess(t(active ? 'apiClient.enabledDone' : 'apiClient.disabledDone', { name: row.name }));
    } catch (error) {
      showMutationError(error, opts.reload);
    }
  }

  return { secretVisible, secret, showSecret, issueKey, setActive };
}
