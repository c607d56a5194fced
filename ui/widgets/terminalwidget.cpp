#include "terminalwidget.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>

#include <vterm.h>

namespace Wharf::Ui {

namespace {
int onDamage(VTermRect, void *user)
{
    static_cast<TerminalWidget *>(user)->update();
    return 1;
}

int onMoveCursor(VTermPos pos, VTermPos, int visible, void *user)
{
    static_cast<TerminalWidget *>(user)->setCursor(pos.row, pos.col, visible);
    return 1;
}

void onOutput(const char *s, size_t len, void *user)
{
    static_cast<TerminalWidget *>(user)->emitInput(QByteArray(s, qsizetype(len)));
}

QColor toQColor(VTermScreen *screen, const VTermColor &cIn, bool fg)
{
    if (fg && VTERM_COLOR_IS_DEFAULT_FG(&cIn))
        return QColor(0xe0, 0xe0, 0xe0);
    if (!fg && VTERM_COLOR_IS_DEFAULT_BG(&cIn))
        return QColor(0x1e, 0x1e, 0x1e);
    VTermColor c = cIn;
    vterm_screen_convert_color_to_rgb(screen, &c);
    return QColor(c.rgb.red, c.rgb.green, c.rgb.blue);
}
} // namespace

TerminalWidget::TerminalWidget(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setPointSize(std::max(10, f.pointSize()));
    setFont(f);
    const QFontMetrics fm(f);
    m_cellW = std::max(1, fm.horizontalAdvance(QLatin1Char('M')));
    m_cellH = std::max(1, fm.height());

    m_vt = vterm_new(m_rows, m_cols);
    vterm_set_utf8(m_vt, 1);
    m_screen = vterm_obtain_screen(m_vt);
    static VTermScreenCallbacks cb = [] {
        VTermScreenCallbacks c{};
        c.damage = &onDamage;
        c.movecursor = &onMoveCursor;
        return c;
    }();
    vterm_screen_set_callbacks(m_screen, &cb, this);
    vterm_output_set_callback(m_vt, &onOutput, this);
    vterm_screen_enable_altscreen(m_screen, 1);
    vterm_screen_reset(m_screen, 1);
}

TerminalWidget::~TerminalWidget()
{
    vterm_free(m_vt);
}

QSize TerminalWidget::sizeHint() const
{
    return {80 * m_cellW + 4, 24 * m_cellH + 4};
}

void TerminalWidget::feed(const QByteArray &bytes)
{
    vterm_input_write(m_vt, bytes.constData(), size_t(bytes.size()));
    vterm_screen_flush_damage(m_screen);
    update();
}

void TerminalWidget::setCursor(int row, int col, bool visible)
{
    m_cursorRow = row;
    m_cursorCol = col;
    m_cursorVisible = visible;
    update();
}

QString TerminalWidget::rowText(int row) const
{
    QString out;
    for (int col = 0; col < m_cols;) {
        VTermScreenCell cell;
        if (!vterm_screen_get_cell(m_screen, VTermPos{row, col}, &cell))
            break;
        if (cell.chars[0] == 0)
            out += QLatin1Char(' ');
        for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; ++i)
            out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&cell.chars[i]), 1);
        col += std::max(1, int(cell.width));
    }
    while (out.endsWith(QLatin1Char(' ')))
        out.chop(1);
    return out;
}

void TerminalWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(0x1e, 0x1e, 0x1e));
    const QFontMetrics fm(font());
    for (int row = 0; row < m_rows; ++row) {
        for (int col = 0; col < m_cols;) {
            VTermScreenCell cell;
            if (!vterm_screen_get_cell(m_screen, VTermPos{row, col}, &cell))
                break;
            const int w = std::max(1, int(cell.width));
            QColor fg = toQColor(m_screen, cell.fg, true);
            QColor bg = toQColor(m_screen, cell.bg, false);
            if (cell.attrs.reverse)
                std::swap(fg, bg);
            const QRect r(2 + col * m_cellW, 2 + row * m_cellH, w * m_cellW, m_cellH);
            if (bg != QColor(0x1e, 0x1e, 0x1e))
                p.fillRect(r, bg);
            if (cell.chars[0]) {
                QString text;
                for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; ++i)
                    text += QString::fromUcs4(reinterpret_cast<const char32_t *>(&cell.chars[i]), 1);
                QFont f = font();
                f.setBold(cell.attrs.bold);
                f.setItalic(cell.attrs.italic);
                f.setUnderline(cell.attrs.underline);
                p.setFont(f);
                p.setPen(fg);
                p.drawText(r.x(), r.y() + fm.ascent(), text);
            }
            col += w;
        }
    }
    if (m_cursorVisible && hasFocus()) {
        const QRect c(2 + m_cursorCol * m_cellW, 2 + m_cursorRow * m_cellH, m_cellW, m_cellH);
        p.fillRect(c, QColor(0xe0, 0xe0, 0xe0, 140));
    }
}

void TerminalWidget::resizeEvent(QResizeEvent *)
{
    const int cols = std::max(10, (width() - 4) / m_cellW);
    const int rows = std::max(3, (height() - 4) / m_cellH);
    if (cols == m_cols && rows == m_rows)
        return;
    m_cols = cols;
    m_rows = rows;
    vterm_set_size(m_vt, m_rows, m_cols);
    vterm_screen_flush_damage(m_screen);
    Q_EMIT resized(m_rows, m_cols);
    update();
}

void TerminalWidget::keyPressEvent(QKeyEvent *e)
{
    int mod = VTERM_MOD_NONE;
    if (e->modifiers() & Qt::ShiftModifier)
        mod |= VTERM_MOD_SHIFT;
    if (e->modifiers() & Qt::AltModifier)
        mod |= VTERM_MOD_ALT;
    if (e->modifiers() & Qt::ControlModifier)
        mod |= VTERM_MOD_CTRL;
    const auto m = VTermModifier(mod);
    VTermKey key = VTERM_KEY_NONE;
    switch (e->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        key = VTERM_KEY_ENTER;
        break;
    case Qt::Key_Tab:
        key = VTERM_KEY_TAB;
        break;
    case Qt::Key_Backspace:
        key = VTERM_KEY_BACKSPACE;
        break;
    case Qt::Key_Escape:
        key = VTERM_KEY_ESCAPE;
        break;
    case Qt::Key_Up:
        key = VTERM_KEY_UP;
        break;
    case Qt::Key_Down:
        key = VTERM_KEY_DOWN;
        break;
    case Qt::Key_Left:
        key = VTERM_KEY_LEFT;
        break;
    case Qt::Key_Right:
        key = VTERM_KEY_RIGHT;
        break;
    case Qt::Key_Insert:
        key = VTERM_KEY_INS;
        break;
    case Qt::Key_Delete:
        key = VTERM_KEY_DEL;
        break;
    case Qt::Key_Home:
        key = VTERM_KEY_HOME;
        break;
    case Qt::Key_End:
        key = VTERM_KEY_END;
        break;
    case Qt::Key_PageUp:
        key = VTERM_KEY_PAGEUP;
        break;
    case Qt::Key_PageDown:
        key = VTERM_KEY_PAGEDOWN;
        break;
    default:
        break;
    }
    if (key != VTERM_KEY_NONE) {
        vterm_keyboard_key(m_vt, key, m);
        return;
    }
    if ((e->modifiers() & Qt::ControlModifier) && e->key() >= Qt::Key_A && e->key() <= Qt::Key_Z) {
        vterm_keyboard_unichar(m_vt, uint32_t('a' + (e->key() - Qt::Key_A)), m);
        return;
    }
    const QString text = e->text();
    for (const char32_t ch : text.toUcs4())
        vterm_keyboard_unichar(m_vt, ch, VTermModifier(mod & ~VTERM_MOD_SHIFT));
}

} // namespace Wharf::Ui
