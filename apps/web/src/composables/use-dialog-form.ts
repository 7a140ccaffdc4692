import { nextTick, reactive, ref, watch, type Ref, type UnwrapNestedRefs } from 'vue';
import type { FormInstance } from 'element-plus';
import { useFormErrors } from './use-form-errors';

/**
 * The state of a form in a dialog: reset from `init()` each time it opens, validated by el-form
 * rules before anything is sent, saved by `submit(save)`; API errors land next to the field they
 * name (`errors.fieldErrors`) or in the dialog's alert (`errors.general`). The dialog closes on
 * success, and on a CONFLICT too, after `onConflict` (the list reloads and says so).
 */
export function useDialogForm<F extends object, K extends string>(opts: {
  visible: Ref<boolean>;
  /** The el-form's template ref (declared in the component: `ref="formRef"`). */
  formRef?: Ref<FormInstance | undefined>;
  init: () => F;
  fields: readonly K[];
  onConflict?: () => void;
}) {
  const formRef = opts.formRef ?? ref<FormInstance>();
  const form = reactive(opts.init()) as UnwrapNestedRefs<F>;
  const saving = ref(false);
  const errors = useFormErrors(opts.fields);

  watch(opts.visible, async (open) => {
    if (!open) return;
    // Replace arrays and nested objects wholesale so nothing leaks from the last opening.
    Object.assign(form, opts.init());
    errors.clear();
    await nextTick();
    formRef.value?.clearValidate();
  });

  async function submit(save: () => Promise<void>): Promise<void> {
    if (saving.value) return;
    errors.clear();
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return;
    saving.value = true;
    try {
      await save();
      opts.visible.value = false;
    } catch (error) {
      const { conflict } = errors.apply(error);
      if (conflict && opts.onConflict) {
        opts.onConflict();
        opts.visible.value = false;
      }
    } finally {
      saving.value = false;
    }
  }

  return { formRef, form, saving, errors, submit };
}
