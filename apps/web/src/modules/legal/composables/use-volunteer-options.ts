import { shallowRef } from 'vue';
import { request } from '@/api/request';
import { LegalVolunteersDocument, type LegalVolunteerRowFragment } from '@/graphql/generated/graphql';

/** Active volunteers of the user's scope for pickers (trainings, duty), up to 200. */
export function useVolunteerOptions() {
  const volunteers = shallowRef<LegalVolunteerRowFragment[]>([]);

  async function load(): Promise<void> {
    const data = await request(LegalVolunteersDocument, { filter: { active: true }, page: { offset: 0, limit: 200 } });
    volunteers.value = data.legalVolunteers.items;
  }

  return { volunteers, load };
}
