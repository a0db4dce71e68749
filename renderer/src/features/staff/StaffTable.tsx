import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconKey, IconPencil, IconPhoto, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StaffDto } from '../../../../src/shared/dto';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

interface Props {
  staff: StaffDto[];
  canEdit: boolean;
  printing: string | null;
  onEdit: (s: StaffDto) => void;
  onResetPin: (s: StaffDto) => void;
  onPrintBadge: (s: StaffDto) => void;
  /** Set when this person may change photos (admin, supervisor). */
  onPhoto?: (s: StaffDto) => void;
}

export function StaffTable({ staff, canEdit, printing, onEdit, onResetPin, onPrintBadge, onPhoto }: Props) {
  const { t } = useTranslation();
  if (!staff.length) return <Text c="dimmed">{t('staff.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover verticalSpacing="sm" fz="md" data-testid="staff-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staff.columns.staffNo')}</Table.Th>
            <Table.Th>{t('staff.columns.name')}</Table.Th>
            <Table.Th>{t('staff.columns.role')}</Table.Th>
            <Table.Th>{t('staff.columns.post')}</Table.Th>
            <Table.Th>{t('staff.columns.badgeNo')}</Table.Th>
            <Table.Th>{t('staff.columns.phone')}</Table.Th>
            <Table.Th>{t('staff.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((s) => (
            <Table.Tr key={s.id} data-testid={`staff-row-${s.id}`} c={s.active ? undefined : 'dimmed'}>
              <Table.Td style={NOWRAP}>{s.staffNo}</Table.Td>
              <Table.Td style={NOWRAP}>
                <Group gap="xs" wrap="nowrap">
                  <Text fw={700}>{s.name}</Text>
                  {/* Active is the normal case; only a deactivated account is marked. */}
                  {!s.active && (
                    <Badge color="gray" variant="light">
                      {t('staff.inactive')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{t(`roles.${s.role}`)}</Table.Td>
              <Table.Td>{s.post}</Table.Td>
              <Table.Td style={NOWRAP}>{s.badgeNo}</Table.Td>
              <Table.Td style={NOWRAP}>{s.phone}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {canEdit && (
                    <>
                      <Button size="compact-md" variant="light" leftSection={<IconPencil size={16} />} onClick={() => onEdit(s)} data-testid={`edit-staff-${s.id}`}>
                        {t('staff.edit')}
                      </Button>
                      <Button size="compact-md" variant="light" color="orange" leftSection={<IconKey size={16} />} onClick={() => onResetPin(s)} data-testid={`reset-pin-${s.id}`}>
                        {t('staff.resetPin')}
                      </Button>
                    </>
                  )}
                  {onPhoto && (
                    <Button size="compact-md" variant="light" color="teal" leftSection={<IconPhoto size={16} />} onClick={() => onPhoto(s)} data-testid={`staff-photo-${s.id}`}>
                      {t('staff.setPhoto')}
                    </Button>
                  )}
                  <Button
                    size="compact-md"
                    variant="default"
                    leftSection={<IconPrinter size={16} />}
                    loading={printing === `badge/${s.id}`}
                    onClick={() => onPrintBadge(s)}
                    data-testid={`print-badge-${s.id}`}
                  >
                    {t('staff.printBadge')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
