import {
  computed,
  nextTick,
  reactive,
  ref,
  watch,
  type InjectionKey,
  type Ref,
  type UnwrapNestedRefs,
  type WritableComputedRef,
} from 'vue';
import { useI18n } from 'vue-i18n';
import type { FormInstance } from 'element-plus';
import type { ApiError } from '@/api/errors';
import { useFormErrors } from './use-form-errors';

/**
 * The state of a form in a dialog: reset from `init()` each time it opens, validated by el-form
 * rules before anything is sent, saved by `submit(save)`; API errors land next to the field they
 * name (`errors.fieldErrors`) or in the dialog's alert (`errors.general`). The dialog closes on
 * success, and on a CONFLICT too, after `onConflict` (the list reloads and says so).
 *
 * Hand the whole handle to `<FormDialog :form="dialog">`: it renders the el-form (bound through
 * `bindForm`), the saving state and the general error; `<FormField>` inside shows the field's error.
 */
export function useDialogForm<F extends object, K extends string>(opts: {
  visible: Ref<boolean>;
  /** The el-form's template ref, when the component renders the el-form itself (`ref="formRef"`). */
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
    // Nothing is red when a dialog opens: rules run when the user leaves a field or submits (#17 item 7).
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

  /** The function template ref `<FormDialog :form>` binds its el-form with. */
  function bindForm(el: unknown): void {
    formRef.value = (el ?? undefined) as FormInstance | undefined;
  }

  return { formRef, bindForm, form, saving, errors, submit };
}

/** What `<FormDialog :form>` takes: any `useDialogForm` handle. */
export interface DialogFormHandle {
  bindForm: (el: unknown) => void;
  form: object;
  saving: Ref<boolean>;
  errors: {
    fieldErrors: Partial<Record<string, string>>;
    general: Ref<ApiError | null>;
    clearField: (field: never) => void;
  };
}

/** How `<FormField>` finds its dialog's form: the model (to see typing) and the API's field errors. */
export interface FormFieldContext {
  model: Record<string, unknown>;
  fieldErrors: Partial<Record<string, string>>;
  clearField: (field: string) => void;
}
export const FORM_FIELD_CONTEXT: InjectionKey<FormFieldContext> = Symbol('form-field-context');

/** The events of a record dialog, `defineEmits<RecordDialogEvents<Row>>()`: what the lists' editor listens to. */
export type RecordDialogEvents<Row> = { saved: [row: Row, created: boolean]; conflict: [] };
/** The emit function `defineEmits<RecordDialogEvents<Row>>()` returns. */
export type RecordDialogEmit<Row> = ((e: 'saved', row: Row, created: boolean) => void) & ((e: 'conflict') => void);

/**
 * The props of a record dialog that belongs to a case (法律咨询, 诉讼支持, 移送法院, 部门联办):
 * the record to edit (null: a new one) and, when opened from a case page, the case it is for.
 * `withDefaults(defineProps<CaseRecordDialogProps<Row>>(), { caseId: null, caseNo: null })`.
 */
export interface CaseRecordDialogProps<Row> {
  item: Row | null;
  caseId?: string | null;
  caseNo?: string | null;
}

/**
 * A dialog that registers a record or edits `props.item` (the workroom registries and case records):
 * `useDialogForm` plus the save every one of them repeated — `create()` when there is no item,
 * `update(item)` when there is (the caller sends its id and version) — and the `saved(row, created)`
 * and `conflict` events the lists listen to. `save({ create, update })` is the dialog's submit.
 */
export function useRecordDialog<Row, F extends object, K extends string>(opts: {
  visible: Ref<boolean>;
  /** The dialog's props: `item` is the record to edit, null for a new one. */
  props: { readonly item: Row | null };
  emit: RecordDialogEmit<Row>;
  init: () => F;
  fields: readonly K[];
}) {
  const dialog = useDialogForm({
    visible: opts.visible,
    init: opts.init,
    fields: opts.fields,
    onConflict: () => opts.emit('conflict'),
  });

  function save(ops: { create: () => Promise<Row>; update: (item: Row) => Promise<Row> }): Promise<void> {
    return dialog.submit(async () => {
      const item = opts.props.item;
      if (item) opts.emit('saved', await ops.update(item), false);
      else opts.emit('saved', await ops.create(), true);
    });
  }

  return { ...dialog, save };
}

/**
 * Everything a record dialog's script repeated around its own fields (法律咨询, 诉讼支持, 部门联办, 移送法院,
 * 调解, 调查, 检测, 协议, 志愿者, 专家, 培训, 研讨 …): `useRecordDialog` wired to the dialog's props, model
 * and events, whether it creates or edits, the case it belongs to (fixed when it edits or was opened from a
 * case), and the submit that asks `confirm` (a step that cannot be undone), then runs `create()` or
 * `update(item)`. Hand the handle to `<RecordDialog :dialog>`; the dialog keeps its fields, rules and
 * mutations only.
 */
export function useCaseRecordDialog<Row, F extends object, K extends string>(opts: {
  visible: Ref<boolean>;
  props: { readonly item: Row | null; readonly caseId?: string | null; readonly caseNo?: string | null };
  emit: RecordDialogEmit<Row>;
  init: () => F;
  fields: readonly K[];
  /** Sends a new record from the form (the reactive one the fields edit). */
  create: (form: UnwrapNestedRefs<F>) => Promise<Row>;
  /** Sends the edit of `item` (its id and version go with it). */
  update: (item: Row, form: UnwrapNestedRefs<F>) => Promise<Row>;
  /** Asked before the form is checked; false keeps the dialog open and sends nothing. */
  confirm?: (item: Row | null, form: UnwrapNestedRefs<F>) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const dialog = useRecordDialog(opts);
  const form = dialog.form as { caseId?: string | null };
  const isCreate = computed(() => opts.props.item === null);
  const caseFixed = computed(() => !isCreate.value || !!opts.props.caseId);
  const caseNo = computed(
    () => (opts.props.item as { caseNo?: string | null } | null)?.caseNo ?? opts.props.caseNo ?? null,
  );
  const caseId = computed({ get: () => form.caseId ?? null, set: (id) => (form.caseId = id) });

  async function saveRecord(): Promise<void> {
    if (opts.confirm && !(await opts.confirm(opts.props.item, dialog.form))) return;
    await dialog.save({
      create: () => opts.create(dialog.form),
      update: (item) => opts.update(item, dialog.form),
    });
  }

  return { ...dialog, t, visible: opts.visible, isCreate, caseFixed, caseNo, caseId, saveRecord };
}

/** What `<RecordDialog :dialog>` takes: a `useCaseRecordDialog` handle. */
export interface RecordDialogHandle extends DialogFormHandle {
  visible: Ref<boolean>;
  isCreate: Readonly<Ref<boolean>>;
  caseFixed: Readonly<Ref<boolean>>;
  caseNo: Readonly<Ref<string | null>>;
  caseId: WritableComputedRef<string | null>;
  saveRecord: () => Promise<void>;
}
