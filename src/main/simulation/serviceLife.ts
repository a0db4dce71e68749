import { SERVICE_POSTS } from '../../shared/posts';
import type { ComplaintDto } from '../../shared/contract/complaints';
import type { SurveyFormDto } from '../../shared/contract/surveys';
import type { Plant } from './plant';

const HOUR = 3_600_000;

const COMPLAINT_TEXTS = ['开票等候时间过长', '过磅排队太久', '袋装水泥破包较多', '散装车铅封不全', '服务态度需要改进', '水泥结块'];

/**
 * Complaints and survey forms of a simulated day: a complaint is accepted, a salesperson goes on site (now and then
 * later than the 4 hours), it is investigated, resolved and the customer gives a verdict; paper survey forms are entered.
 */
export function scheduleServiceDay(plant: Plant, dayStart: number, form: SurveyFormDto): void {
  const { random, model } = plant;
  const complaints = poissonCount(plant, model.complaintsPerMonth / 30);
  for (let i = 0; i < complaints; i++) {
    const at = dayStart + random.int(8 * 60, 17 * 60) * 60_000;
    plant.at(at, async () => {
      const customer = random.pick(plant.customers);
      const complaint = await plant.desks.supervisor.call<ComplaintDto>('complaints.accept', {
        customerId: customer.id,
        customerName: customer.name,
        channel: random.pick(['phone', 'in_person', 'letter'] as const),
        post: random.pick(SERVICE_POSTS),
        nature: random.chance(30) ? 'quality' : 'service',
        description: random.pick(COMPLAINT_TEXTS),
        salespersonName: '刘建设',
      });
      plant.tally.complaints++;
      const onSite = plant.now() + random.int(60, 300) * 60_000;
      plant.at(onSite, async () => {
        await plant.desks.supervisor.call('complaints.logOnSite', { id: complaint.id });
        await plant.desks.supervisor.call('complaints.recordInvestigation', { id: complaint.id, findings: '已现场核实情况', substantiated: random.chance(60) });
      });
      plant.at(onSite + 2 * HOUR, async () => {
        await plant.desks.supervisor.call('complaints.resolve', { id: complaint.id, resolution: '已向客户说明并整改' });
      });
      plant.at(onSite + 20 * HOUR, async () => {
        await plant.desks.supervisor.call('complaints.recordVerdict', { id: complaint.id, verdict: random.pick(['satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied'] as const) });
      });
    });
  }
  const surveys = poissonCount(plant, model.surveysPerMonth / 30);
  for (let i = 0; i < surveys; i++) {
    plant.at(dayStart + random.int(9 * 60, 17 * 60) * 60_000, async () => {
      await plant.desks.supervisor.call('surveys.enterPaper', {
        post: random.pick(SERVICE_POSTS),
        answers: form.questions.map(() => random.int(3, 5)),
        respondent: '',
      });
      plant.tally.surveys++;
    });
  }
}

/** A Poisson-distributed count with the given mean (Knuth's method; means here are small). */
export function poissonCount(plant: Plant, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = plant.random.next(); p > limit; p *= plant.random.next()) k++;
  return k;
}
