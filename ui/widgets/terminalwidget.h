#pragma once

#include <QWidget>

struct VTerm;
struct VTermScreen;

namespace Wharf::Ui {

// A real terminal for exec sessions: libvterm does the emulation (escape sequences, colours,
// UTF-8, wide CJK cells); this widget draws its screen and turns keys into bytes.
class TerminalWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TerminalWidget(QWidget *parent = nullptr);
    ~TerminalWidget() override;

    void feed(const QByteArray &bytes);
    int rows() const { return m_rows; }
    int columns() const { return m_cols; }
    // The text of one screen row (for tests and copy).
    QString rowText(int row) const;
    QSize sizeHint() const override;

Q_SIGNALS:
    void input(const QByteArray &bytes);      // keys typed, encoded for the program
    void resized(int rows, int columns);

protected:
    void paintEvent(QPaintEvent *) override;
    void resizeEvent(QResizeEvent *) override;
    void keyPressEvent(QKeyEvent *) override;
    bool focusNextPrevChild(bool) override { return false; } // Tab goes to the terminal

public:
    // Called from libvterm callbacks.
    void setCursor(int row, int col, bool visible);
    void emitInput(const QByteArray &bytes) { Q_EMIT input(bytes); }

private:

    VTerm *m_vt = nullptr;
    VTermScreen *m_screen = nullptr;
    int m_rows = 24;
    int m_cols = 80;
    int m_cellW = 8;
    int m_cellH = 16;
    int m_cursorRow = 0;
    int m_cursorCol = 0;
    bool m_cursorVisible = true;
};

} // namespace Wharf::Ui
