package org.tifli.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.tifli.application.CaseIntake;
import org.tifli.domain.MissingChildCase;

/** The table of cases on the console's first page, loaded a page at a time, newest first. */
@Named
@ViewScoped
public class CaseTable implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private transient CaseIntake cases;

  private final LazyDataModel<MissingChildCase> model = new CasePages();

  public LazyDataModel<MissingChildCase> getModel() {
    return model;
  }

  private class CasePages extends LazyDataModel<MissingChildCase> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filters) {
      return (int) cases.count(Optional.empty(), Optional.empty());
    }

    @Override
    public List<MissingChildCase> load(
        int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
      return cases.list(Optional.empty(), Optional.empty(), first, pageSize);
    }

    @Override
    public String getRowKey(MissingChildCase row) {
      return row.id().toString();
    }

    @Override
    public MissingChildCase getRowData(String rowKey) {
      return cases.find(Long.parseLong(rowKey)).orElse(null);
    }
  }
}
