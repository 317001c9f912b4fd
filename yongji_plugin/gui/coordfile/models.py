"""Table models of the import preview: parcels, and every problem with its line and whole message.

Models rather than item widgets: a file of 40,000 parcels shows at once instead of freezing the
window while 200,000 table items are made.
"""

from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtGui import QColor

from ...core.coordfile.model import level_label
from ...i18n import tr

LEFT_OUT = QColor("#c0392b")
LEVEL_COLOURS = {"error": LEFT_OUT, "warning": QColor("#b9770e")}


class _Table(QAbstractTableModel):
    def __init__(self, items=(), parent=None):
        super().__init__(parent)
        self.items = list(items)

    def headers(self):
        raise NotImplementedError

    def cells(self, item):
        raise NotImplementedError

    def colour(self, item):
        return None

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells(item)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.colour(item)
        return None

    def text(self, row: int, column: int) -> str:
        return self.cells(self.items[row])[column]


class ParcelModel(_Table):
    """One row per parcel: file, number, name, stated and computed area, its problems with lines."""

    def headers(self):
        return [tr("File"), tr("Parcel"), tr("Name"), tr("Stated area (ha)"), tr("Computed area (ha)"), tr("Problems")]

    def cells(self, row):
        stated = "" if row.stated_ha is None else f"{row.stated_ha:.4f}"
        problems = "; ".join(tr("line {line}: {reason}").format(line=p.line, reason=p.reason) for p in row.problems)
        return [row.file, row.number, row.name, stated, f"{row.computed_ha:.4f}", problems]

    def colour(self, row):
        return None if row.imported else LEFT_OUT


class ProblemModel(_Table):
    """One row per problem, the file's own included: level, file, line, parcel, the whole message."""

    def headers(self):
        return [tr("Level"), tr("File"), tr("Line"), tr("Parcel"), tr("Problem")]

    def cells(self, problem):
        return [level_label(problem.level), problem.file, str(problem.line), problem.parcel, problem.reason]

    def colour(self, problem):
        return LEVEL_COLOURS.get(problem.level)
