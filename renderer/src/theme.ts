import { Alert, Badge, Button, Modal, NativeSelect, NumberInput, PasswordInput, Select, TextInput, createTheme, rem } from '@mantine/core';

/** Counter screens are read from a distance: larger type than Mantine's defaults, and a bundled CJK font. */
const fontFamily = "'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', system-ui, sans-serif";
const inputSize = { defaultProps: { size: 'md' as const } };

export const theme = createTheme({
  fontFamily,
  headings: {
    fontFamily,
    fontWeight: '700',
    sizes: {
      h1: { fontSize: rem(34), lineHeight: '1.3' },
      h2: { fontSize: rem(28), lineHeight: '1.35' },
      h3: { fontSize: rem(23), lineHeight: '1.4' },
      h4: { fontSize: rem(20), lineHeight: '1.45' },
    },
  },
  fontSizes: { xs: rem(14), sm: rem(16), md: rem(18), lg: rem(21), xl: rem(25) },
  lineHeights: { md: '1.6' },
  primaryColor: 'blue',
  defaultRadius: 'md',
  // Keyboard users always see where they are; mouse clicks do not leave rings behind.
  focusRing: 'auto',
  components: {
    Button: Button.extend(inputSize),
    TextInput: TextInput.extend(inputSize),
    PasswordInput: PasswordInput.extend(inputSize),
    NativeSelect: NativeSelect.extend(inputSize),
    Select: Select.extend(inputSize),
    NumberInput: NumberInput.extend(inputSize),
    // Badges carry names and Chinese text: no shouting capitals.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none' } } }),
    Alert: Alert.extend({ styles: { message: { fontSize: 'var(--mantine-font-size-md)' }, title: { fontSize: 'var(--mantine-font-size-md)' } } }),
    Modal: Modal.extend({ styles: { title: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 700 } } }),
  },
});
