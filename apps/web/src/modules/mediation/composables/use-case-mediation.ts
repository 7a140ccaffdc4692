import { onMounted, ref, shallowRef, watch } from 'vue';
import { RequestError } from '@/api/errors';
import { request } from '@/api/request';
import { CaseMediationDocument, FeedBackResultDocument, type CaseMediationQuery } from '@/graphql/generated/graphql';
import { i18n } from '@/locales';
import { promptText, showError, showSuccess } from '@/utils/notify';

/**
 * The 维权服务 records of one case (case-mediation-panel): loaded on mount and whenever the case id
 * changes; `notFound` when the case is gone or out of the user's scope. `feedBack` sends 反馈办理结果
 * to reception and calls `changed` (the case page refreshes its log).
 */
export function useCaseMediation(caseId: () => string, changed: () => void) {
  const data = shallowRef<CaseMediationQuery['case'] | null>(null);
  const loading = ref(false);
  const notFound = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      data.value = (await request(CaseMediationDocument, { caseId: caseId() })).case;
      notFound.value = false;
    } catch (error) {
      if (error instanceof RequestError && error.hasCode('NOT_FOUND')) {
        data.value = null;
        notFound.value = true;
      } else showError(error);
    } finally {
      loading.value = false;
    }
  }

  async function feedBack(): Promise<void> {
    const t = i18n.global.t;
    const content = await promptText(t('mediation.feedbackPrompt'), t('mediation.feedback'), {
      required: true,
      multiline: true,
    });
    if (!content) return;
    try {
      await request(FeedBackResultDocument, { input: { caseId: caseId(), content } });
      showSuccess(t('mediation.feedbackDone'));
      changed();
    } catch (error) {
      showError(error);
    }
  }

  onMounted(load);
  watch(caseId, load);
  return { data, loading, notFound, load, feedBack };
}
