import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SurveySource } from '../../../shared/contract/surveys';
import type { ServicePost } from '../../../shared/posts';
import { epochMs, jsonText } from '../../db/columns';

/**
 * One filled service-evaluation survey form (append-only): the post evaluated, the plant-local month, where it came
 * from (kiosk page or a paper form entered by staff), the questions in force when it was given and the answers (1–5).
 */
@Entity({ name: 'survey_response' })
@Index('idx_survey_response_month', ['month', 'post'])
export class SurveyResponse {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 20 })
  post!: ServicePost;

  /** Plant-local `YYYY-MM`. */
  @Column({ type: 'varchar', length: 7 })
  month!: string;

  @Column({ type: 'varchar', length: 8 })
  source!: SurveySource;

  /** Given in the annual survey month (`service.annualSurveyMonth`). */
  @Column({ type: 'boolean' })
  annual!: boolean;

  @Column({ type: 'text', transformer: jsonText })
  questions!: string[];

  @Column({ type: 'text', transformer: jsonText })
  answers!: number[];

  @Column({ type: 'varchar', length: 300, default: '' })
  comment!: string;

  @Column({ type: 'varchar', length: 60, default: '' })
  respondent!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  at!: number;

  @Column({ type: 'integer', nullable: true })
  enteredBy!: number | null;
}
