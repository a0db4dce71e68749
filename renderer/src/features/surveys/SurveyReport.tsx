import { Alert, Badge, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SurveyReportDto } from '../../../../src/shared/contract/surveys';
import type { ServicePost } from '../../../../src/shared/posts';
import { formatDateTime } from '../../i18n/format';
import { questionLabel, scoreText } from './surveyText';

const BAR_W = 28;
const BAR_H = 36;

/** A small bar for a 1–5 score (SVG; no chart library). */
function ScoreBar({ hundredths, low }: { hundredths: number | null; low: boolean }) {
  const h = hundredths === null ? 0 : Math.round((hundredths * BAR_H) / 500);
  return (
    <svg width={BAR_W} height={BAR_H} aria-hidden="true" style={{ display: 'block', margin: '0 auto' }}>
      <rect x={0} y={0} width={BAR_W} height={BAR_H} fill="#f1f3f5" />
      {h > 0 && <rect x={4} y={BAR_H - h} width={BAR_W - 8} height={h} fill={low ? '#e03131' : '#1c7ed6'} />}
    </svg>
  );
}

export function SurveyReport({ report, month, onMonth }: { report: SurveyReportDto; month: string; onMonth: (m: string) => void }) {
  const { t } = useTranslation();
  const lowest = new Set(report.lowest);
  const postName = (p: ServicePost) => t(`posts.${p}`);
  return (
    <Stack gap="md" data-testid="survey-report">
      <Group align="flex-end">
        <TextInput label={t('surveys.report.month')} defaultValue={month} key={month} w={140} size="md" data-testid="report-month" onKeyDown={(e) => e.key === 'Enter' && onMonth(e.currentTarget.value.trim())} onBlur={(e) => e.currentTarget.value.trim() !== month && onMonth(e.currentTarget.value.trim())} />
        <Text c="dimmed" size="sm">
          {t('surveys.report.scoreNote')}
        </Text>
      </Group>
      {report.lowest.length > 0 ? (
        <Alert color="red" data-testid="survey-lowest">
          {t('surveys.report.lowest', { posts: report.lowest.map(postName).join('、') })}
        </Alert>
      ) : (
        <Alert color="gray" data-testid="survey-lowest">
          {t('surveys.report.noLowest')}
        </Alert>
      )}
      <Card withBorder padding="sm">
        <Table striped data-testid="survey-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('surveys.report.post')}</Table.Th>
              <Table.Th ta="right">{t('surveys.report.responses')}</Table.Th>
              <Table.Th ta="right">{t('surveys.report.kiosk')}</Table.Th>
              <Table.Th ta="right">{t('surveys.report.paper')}</Table.Th>
              {report.questions.map((q) => (
                <Table.Th key={q} ta="right">
                  {questionLabel(t, q)}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('surveys.report.overall')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.posts.map((p) => (
              <Table.Tr key={p.post} data-testid={`survey-row-${p.post}`}>
                <Table.Td fw={600}>
                  {postName(p.post)} {lowest.has(p.post) && <Badge color="red">{t('surveys.report.lowestTag')}</Badge>}
                </Table.Td>
                <Table.Td ta="right">{p.responses}</Table.Td>
                <Table.Td ta="right">{p.kiosk}</Table.Td>
                <Table.Td ta="right">{p.paper}</Table.Td>
                {p.questionAverages.map((q) => (
                  <Table.Td key={q.question} ta="right">
                    {scoreText(q.averageHundredths)}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={700} data-testid="survey-overall">
                  {scoreText(p.overallHundredths)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder padding="sm">
        <Title order={3} mb="xs">
          {t('surveys.report.trend')}
        </Title>
        <Table.ScrollContainer minWidth={900}>
          <Table data-testid="survey-trend" withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.report.post')}</Table.Th>
                {report.trend.map((m) => (
                  <Table.Th key={m.month} ta="center" fz="xs">
                    {m.month}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.posts.map((p) => (
                <Table.Tr key={p.post}>
                  <Table.Td>{postName(p.post)}</Table.Td>
                  {report.trend.map((m) => {
                    const s = m.scores.find((x) => x.post === p.post);
                    return (
                      <Table.Td key={m.month} ta="center" p={2}>
                        <ScoreBar hundredths={s?.overallHundredths ?? null} low={m.month === report.month && lowest.has(p.post)} />
                        <Text fz="xs">{s && s.responses > 0 ? scoreText(s.overallHundredths) : '·'}</Text>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Card withBorder padding="sm" data-testid="survey-annual">
        <Title order={3} mb="xs">
          {t('surveys.report.annual', { month: report.annual.month })}
        </Title>
        <Group gap="lg">
          {report.annual.posts.map((p) => (
            <Stack key={p.post} gap={0} align="center">
              <Text size="sm">{postName(p.post)}</Text>
              <Text fw={700} size="lg" c={report.annual.lowest.includes(p.post) ? 'red' : undefined}>
                {scoreText(p.overallHundredths)}
              </Text>
              <Text size="xs" c="dimmed">
                {p.responses} {t('surveys.report.responses')}
              </Text>
            </Stack>
          ))}
        </Group>
      </Card>
      <Card withBorder padding="sm">
        <Title order={3} mb="xs">
          {t('surveys.report.comments')}
        </Title>
        {report.comments.length === 0 ? (
          <Text c="dimmed">{t('surveys.report.noComments')}</Text>
        ) : (
          <Stack gap={4} data-testid="survey-comments">
            {report.comments.map((c) => (
              <Text key={c.id}>
                <Badge variant="light" mr="xs">
                  {postName(c.post)}
                </Badge>
                <Badge variant="outline" color="gray" mr="xs">
                  {t(`surveys.source.${c.source}`)}
                </Badge>
                {c.comment}
                <Text span c="dimmed" size="xs" ml="xs">
                  {formatDateTime(c.at)}
                </Text>
              </Text>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
